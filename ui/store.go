package ui

import "airisk/model"

// Store is what the screens need from the project database. cmd/airisk
// hands in the bbolt store (storage.DB satisfies it); tests hand in a fake.
// Every method may be slow on a laptop disk but is called for one user edit
// at a time, on the UI goroutine, as the edit must be durable before the
// screens say "Saved".
type Store interface {
	// Projects lists the projects, sorted by name.
	Projects() ([]model.ProjectMeta, error)
	// Load reads a whole project.
	Load(id string) (*model.Project, error)
	// Create stores a new project; it fails when the id is taken.
	Create(p *model.Project) error
	// Replace stores a whole project over the one with the same id.
	Replace(p *model.Project) error
	// Delete removes a project and its history.
	Delete(id string) error
	// Apply commits one edit of a project.
	Apply(id string, c model.Change) error
	// Path is where the database lives, shown in Help > About.
	Path() string
}

// IO holds the file conversions cmd/airisk wires in, so ui never imports
// the storage packages. A nil function hides the menu items and buttons
// that would need it.
type IO struct {
	// Import reads a portable model file (JSON or YAML) or an OWASP Threat
	// Dragon v2 file, detected from its content. report describes, one line
	// per item, what a foreign format could not carry over; it is empty for
	// portable files. The project is validated and nothing is stored.
	Import func(path string) (p *model.Project, report string, err error)
	// ExportFile writes the project as a portable model file; the format
	// (JSON or YAML) follows the extension of path.
	ExportFile func(p *model.Project, path string) error
	// ExportWorkbook writes the Excel workbook of the project, calling
	// progress (from any goroutine) as sheets are written.
	ExportWorkbook func(p *model.Project, path string, progress func(done, total int)) error
	// Templates returns the bundled starter templates, sorted by name; a
	// new project may start as a copy of one.
	Templates func() ([]Template, error)
}

// Template is a starter diagram for a common kind of AI system.
type Template struct {
	// ID is the template's file base name ("rag-assistant").
	ID string
	// Name and Description say what system the template models.
	Name        string
	Description string
	// Project is the template itself; callers copy it before changing it.
	Project *model.Project
}
