package assets

import _ "embed"

// Icon is the application icon, a 512 px PNG (also named in FyneApp.toml).
//
//go:embed icon.png
var Icon []byte
