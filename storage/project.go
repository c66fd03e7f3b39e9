package storage

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// Projects lists the projects in the database, sorted by name (ignoring
// case), then by id. A project whose own data cannot be read is listed
// under its id as its name, so one damaged project does not hide the
// others; loading it reports the damage.
func (db *DB) Projects() ([]model.ProjectMeta, error) {
	var out []model.ProjectMeta
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(rootProjects).ForEachBucket(func(k []byte) error {
			m, err := readMeta(tx.Bucket(rootProjects).Bucket(k))
			if err != nil {
				m = model.ProjectMeta{ID: string(k), Name: string(k)}
			}
			out = append(out, m)
			return nil
		})
	})
	slices.SortFunc(out, func(a, b model.ProjectMeta) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	return out, err
}

// Load reads the whole project with the given id and validates it; stored
// data that does not pass validation is reported as ErrDamaged.
func (db *DB) Load(id string) (*model.Project, error) {
	var p *model.Project
	err := db.view(func(tx *bolt.Tx) error {
		pb, err := db.project(tx, id)
		if err != nil {
			return err
		}
		p, err = readProject(pb)
		if err != nil {
			return db.damaged(id, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, db.damaged(id, err)
	}
	return p, nil
}

// Create stores a new project in one transaction. The project must be
// valid; ErrExists when its id is taken.
func (db *DB) Create(p *model.Project) error {
	if err := db.checkWritable(); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("project %q cannot be saved because it is not valid:\n%w", p.Meta.ID, err)
	}
	return db.update(func(tx *bolt.Tx) error {
		root := tx.Bucket(rootProjects)
		if root.Bucket([]byte(p.Meta.ID)) != nil {
			return newError(ErrExists, nil, "a project with id %q already exists in %q", p.Meta.ID, db.path)
		}
		pb, err := createProjectBucket(root, p.Meta.ID)
		if err != nil {
			return err
		}
		if err := writeProject(pb, p); err != nil {
			return err
		}
		return db.appendLog(pb, LogEntry{Summary: fmt.Sprintf("Created project %q", p.Meta.Name)})
	})
}

// Replace overwrites a whole project atomically: its data is rewritten
// while its change log and snapshots are kept, and the log records the
// replacement with the risk scores it changed. The project must be valid;
// ErrNotFound when there is no project with its id. Meta.Updated is stored
// as given.
func (db *DB) Replace(p *model.Project) error {
	if err := db.checkWritable(); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("project %q cannot be saved because it is not valid:\n%w", p.Meta.ID, err)
	}
	return db.update(func(tx *bolt.Tx) error {
		pb, err := db.project(tx, p.Meta.ID)
		if err != nil {
			return err
		}
		// Replace is also how damaged data is mended, so old risks that
		// cannot be read only cost the log its score changes.
		var old []model.Risk
		if rb := pb.Bucket(bucketRisks); rb != nil {
			old, _ = readList[model.Risk](rb)
		}
		if err := resetDataBuckets(pb); err != nil {
			return err
		}
		if err := writeProject(pb, p); err != nil {
			return err
		}
		entry := LogEntry{Summary: "Replaced the whole project", Scores: listScoreChanges(old, p.Risks)}
		return db.appendLog(pb, entry)
	})
}

// Delete removes a project with its log and snapshots.
func (db *DB) Delete(id string) error {
	if err := db.checkWritable(); err != nil {
		return err
	}
	return db.update(func(tx *bolt.Tx) error {
		err := tx.Bucket(rootProjects).DeleteBucket([]byte(id))
		if errors.Is(err, bolt.ErrBucketNotFound) || errors.Is(err, bolt.ErrIncompatibleValue) {
			return db.notFound(id)
		}
		return err
	})
}

// project returns the bucket of project id.
func (db *DB) project(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	pb := tx.Bucket(rootProjects).Bucket([]byte(id))
	if pb == nil {
		return nil, db.notFound(id)
	}
	return pb, nil
}

func (db *DB) notFound(id string) error {
	return newError(ErrNotFound, nil, "there is no project %q in %q", id, db.path)
}

// damaged reports stored data of project id that cannot be read or is not
// valid.
func (db *DB) damaged(id string, cause error) error {
	return newError(ErrDamaged, cause, "project %q in %q is damaged; restore a snapshot or a backup (airisk backups):\n%v", id, db.path, cause)
}

// createProjectBucket creates the bucket of a new project with all its
// sub-buckets.
func createProjectBucket(root *bolt.Bucket, id string) (*bolt.Bucket, error) {
	pb, err := root.CreateBucket([]byte(id))
	if err != nil {
		return nil, err
	}
	for _, name := range append(slices.Clone(dataBuckets), bucketLog, bucketSnapshots) {
		if _, err := pb.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	return pb, nil
}

// resetDataBuckets empties the buckets that hold the project's data.
func resetDataBuckets(pb *bolt.Bucket) error {
	for _, name := range dataBuckets {
		if err := pb.DeleteBucket(name); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
		if _, err := pb.CreateBucket(name); err != nil {
			return err
		}
	}
	return nil
}

// sub returns a required sub-bucket of a project.
func sub(pb *bolt.Bucket, name []byte) (*bolt.Bucket, error) {
	b := pb.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("the %s bucket is missing", name)
	}
	return b, nil
}

func readMeta(pb *bolt.Bucket) (model.ProjectMeta, error) {
	var m model.ProjectMeta
	b, err := sub(pb, bucketMeta)
	if err != nil {
		return m, err
	}
	found, err := getJSON(b, keyProject, &m)
	if err == nil && !found {
		err = errors.New("the project's own data (meta) is missing")
	}
	return m, err
}
