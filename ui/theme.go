package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// themeMode says whether the look follows the system or is forced.
type themeMode string

// The theme modes offered in View > Theme.
const (
	themeSystem themeMode = "system"
	themeLight  themeMode = "light"
	themeDark   themeMode = "dark"
)

// presentationScale is how much bigger text, padding and diagram shapes
// get in presentation mode, for a projector at the back of a room.
const presentationScale = 1.4

// Preference keys.
const (
	prefTheme        = "theme"
	prefPresentation = "presentation"
)

// appTheme wraps Fyne's default theme: it can force light or dark, and
// scales every size up in presentation mode.
type appTheme struct {
	mode  themeMode
	scale float32
}

// Color returns the default theme's colour, in the forced variant if any.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font returns the default theme's font.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon returns the default theme's icon.
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size returns the default theme's size, scaled.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	if t.scale > 0 {
		s *= t.scale
	}
	return s
}

// variant is the variant the theme currently shows.
func (t *appTheme) variant(a fyne.App) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return a.Settings().ThemeVariant()
}

// applyTheme installs a theme with the given mode and presentation state
// and remembers the choice.
func (u *UI) applyTheme(mode themeMode, presentation bool) {
	scale := float32(1)
	if presentation {
		scale = presentationScale
	}
	u.theme = &appTheme{mode: mode, scale: scale}
	u.app.Settings().SetTheme(u.theme)
	u.app.Preferences().SetString(prefTheme, string(mode))
	u.app.Preferences().SetBool(prefPresentation, presentation)
	if u.ws != nil {
		u.ws.themeChanged()
	}
	u.refreshMenu()
}

// loadTheme applies the remembered theme choice.
func (u *UI) loadTheme() {
	mode := themeMode(u.app.Preferences().StringWithFallback(prefTheme, string(themeSystem)))
	switch mode {
	case themeLight, themeDark, themeSystem:
	default:
		mode = themeSystem
	}
	u.applyTheme(mode, u.app.Preferences().Bool(prefPresentation))
}

// presenting reports whether presentation mode is on.
func (u *UI) presenting() bool { return u.theme != nil && u.theme.scale > 1 }
