package storage

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// schemaVersion is the layout this program writes (see the package doc).
//
// Version 1 stored each entity as bare JSON, and arrays came back in key
// order (sorted by id), not in the order they were stored.
// Version 2 wraps each entity in a record with its order.
// Version 3 adds the workshops bucket to every project.
const schemaVersion = 3

// migration carries a database from version to-1 to version to. It runs
// inside the transaction that opens the database, so it is applied wholly
// or not at all.
type migration struct {
	to    int
	about string
	run   func(tx *bolt.Tx) error
}

// migrations are applied in order; each takes the database one version up.
var migrations = []migration{
	{to: 2, about: "keep the order of arrays: wrap each entity with its order", run: wrapRecords},
	{to: 3, about: "add workshop records to every project", run: addWorkshops},
}

// readSchema returns the schema version of the database in tx: 0 for a new,
// empty one. Files that are not ours or are newer are refused.
func readSchema(tx *bolt.Tx, path string) (int, error) {
	meta := tx.Bucket(rootMeta)
	if meta == nil {
		empty := tx.ForEach(func([]byte, *bolt.Bucket) error { return errNotEmpty }) == nil
		if empty {
			return 0, nil
		}
		return 0, newError(ErrDamaged, nil, "%q is a bbolt database but not one of AI Risk Workbench; open another database with --db", path)
	}
	raw := meta.Get(keySchema)
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return 0, newError(ErrDamaged, err, "%q is damaged: its schema version %q is not a version number; restore a backup (airisk backups)", path, raw)
	}
	if v > schemaVersion {
		return v, newError(ErrNewerSchema, nil, "%q was written by a newer version of AI Risk Workbench (database schema %d; this version reads up to %d); it was left untouched: update AI Risk Workbench or open another database with --db", path, v, schemaVersion)
	}
	return v, nil
}

// errNotEmpty stops the walk over the root buckets at the first one.
var errNotEmpty = errors.New("not empty")

// migrate creates the root buckets of a new database, or brings an older
// one up to schemaVersion.
func migrate(tx *bolt.Tx, path string) error {
	from, err := readSchema(tx, path)
	if err != nil {
		return err
	}
	if from == schemaVersion {
		return nil
	}
	meta, err := tx.CreateBucketIfNotExists(rootMeta)
	if err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(rootProjects); err != nil {
		return err
	}
	if from > 0 {
		for _, m := range migrations {
			if m.to <= from {
				continue
			}
			if err := m.run(tx); err != nil {
				return fmt.Errorf("upgrade %q to schema %d (%s): %w", path, m.to, m.about, err)
			}
		}
	}
	return meta.Put(keySchema, []byte(strconv.Itoa(schemaVersion)))
}

// wrapRecords is the migration from version 1: every entity, stored bare,
// gets wrapped in a record whose order is its place in key order, which is
// the order version 1 loaded it in. The bytes are wrapped as they are, so a
// damaged entity stays confined to its project.
func wrapRecords(tx *bolt.Tx) error {
	return tx.Bucket(rootProjects).ForEachBucket(func(id []byte) error {
		pb := tx.Bucket(rootProjects).Bucket(id)
		for _, name := range listBuckets {
			b := pb.Bucket(name)
			if b == nil {
				continue
			}
			if err := wrapBucket(b); err != nil {
				return fmt.Errorf("project %q, %s: %w", id, name, err)
			}
		}
		return nil
	})
}

// addWorkshops is the migration from version 2: every project gets an empty
// bucket for its workshop records.
func addWorkshops(tx *bolt.Tx) error {
	root := tx.Bucket(rootProjects)
	return root.ForEachBucket(func(id []byte) error {
		if _, err := root.Bucket(id).CreateBucketIfNotExists(bucketWorkshops); err != nil {
			return fmt.Errorf("project %q: %w", id, err)
		}
		return nil
	})
}

func wrapBucket(b *bolt.Bucket) error {
	var keys, values [][]byte
	err := b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil // a nested bucket: version 1 had none here
		}
		keys = append(keys, bytes.Clone(k))
		values = append(values, bytes.Clone(v))
		return nil
	})
	if err != nil {
		return err
	}
	for i, k := range keys {
		wrapped := fmt.Appendf(nil, `{"order":%d,"value":%s}`, i+1, values[i])
		if err := b.Put(k, wrapped); err != nil {
			return err
		}
	}
	return b.SetSequence(uint64(len(keys)))
}
