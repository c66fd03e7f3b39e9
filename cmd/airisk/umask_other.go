//go:build !unix

package main

import "io/fs"

// umask is the usual default where there is no umask.
func umask() fs.FileMode { return 0o022 }
