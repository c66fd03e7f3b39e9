package diagram

import "errors"

// ErrLayout is returned, wrapped with what went wrong, when go-graphviz
// fails to lay a diagram out or returns positions that cannot be read back.
var ErrLayout = errors.New("auto-layout failed")
