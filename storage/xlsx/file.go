package xlsx

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"airisk/model"
	"airisk/threats"
)

// ExportFile writes the workbook to path atomically: it is written to a
// temporary file beside path and renamed over it only when complete, so a
// failed export never leaves half a workbook. The file is created with the
// user's umask, like any document they save.
func ExportFile(path string, p *model.Project, c *threats.Catalogue, opt Options) (err error) {
	tmp, err := createTemp(path)
	if err != nil {
		return fmt.Errorf("export workbook to %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(name)
		}
	}()
	if err = Export(tmp, p, c, opt); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("export workbook to %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export workbook to %s: %w", path, err)
	}
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("export workbook to %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// createTemp creates a new file beside path with mode 0666 less the umask
// (os.CreateTemp would make it 0600).
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 10 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("could not find a free temporary file name")
}

// syncDir makes the rename durable where the system allows it; failing to
// is not an error (some systems cannot sync a directory).
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
