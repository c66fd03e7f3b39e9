package file

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeAtomic writes data to path through WriteAtomic.
func writeAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic writes a file through a temporary file in the same folder,
// synced and then renamed over path, so a crash, a full disk or a failing
// write leaves either the old file or the new one, never half of one. The
// file is created with mode 0666 less the user's umask, like any document
// they save. Every exporter (portable file, workbook, report, pictures)
// writes through it.
func WriteAtomic(path string, write func(w io.Writer) error) (err error) {
	tmp, f, err := createTemp(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// createTemp creates a new, hidden file beside path. It does not use
// os.CreateTemp, whose files are 0600 whatever the umask.
func createTemp(path string) (string, *os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		var suffix [6]byte
		if _, err := rand.Read(suffix[:]); err != nil {
			return "", nil, err
		}
		tmp := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(suffix[:]))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return tmp, f, err
	}
	return "", nil, fmt.Errorf("could not create a temporary file beside %s", path)
}

// syncDir makes the rename durable where the platform allows syncing a
// directory; elsewhere it does nothing.
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
