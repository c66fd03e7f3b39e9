package storage

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// Root buckets and the keys and sub-buckets of a project bucket.
var (
	rootMeta     = []byte("meta")
	rootProjects = []byte("projects")
	keySchema    = []byte("schema")

	bucketMeta       = []byte("meta")
	bucketScoring    = []byte("scoring")
	bucketBoundaries = []byte("boundaries")
	bucketElements   = []byte("elements")
	bucketFlows      = []byte("flows")
	bucketDecisions  = []byte("decisions")
	bucketRisks      = []byte("risks")
	bucketProvisions = []byte("provisions")
	bucketWorkshops  = []byte("workshops")
	bucketLog        = []byte("log")
	bucketSnapshots  = []byte("snapshots")

	keyProject = []byte("project")
	keyScoring = []byte("scoring")
)

// dataBuckets hold the project itself; Replace rewrites them and keeps the
// log and the snapshots.
var dataBuckets = [][]byte{bucketMeta, bucketScoring, bucketBoundaries, bucketElements,
	bucketFlows, bucketDecisions, bucketRisks, bucketProvisions, bucketWorkshops}

// listBuckets are the buckets of records, one per array of the project.
var listBuckets = [][]byte{bucketBoundaries, bucketElements, bucketFlows, bucketDecisions,
	bucketRisks, bucketProvisions, bucketWorkshops}

// entityBuckets maps the list entities to their buckets.
var entityBuckets = map[model.Entity][]byte{
	model.EntityBoundary:  bucketBoundaries,
	model.EntityElement:   bucketElements,
	model.EntityFlow:      bucketFlows,
	model.EntityDecision:  bucketDecisions,
	model.EntityRisk:      bucketRisks,
	model.EntityProvision: bucketProvisions,
	model.EntityWorkshop:  bucketWorkshops,
}

// record is how an entity is stored: its value and its place in the array.
type record[T any] struct {
	Order uint64 `json:"order"`
	Value T      `json:"value"`
}

// encodeRecord encodes v at the given order.
func encodeRecord[T any](order uint64, v T) ([]byte, error) {
	return json.Marshal(record[T]{Order: order, Value: v})
}

// recordOrder reads only the order of a stored record.
func recordOrder(data []byte) (uint64, error) {
	var r struct {
		Order uint64 `json:"order"`
	}
	err := json.Unmarshal(data, &r)
	return r.Order, err
}

// readList decodes every record of b and returns the values in stored order
// (ties, which only damaged data has, by key).
func readList[T any](b *bolt.Bucket) ([]T, error) {
	type keyed struct {
		key []byte
		rec record[T]
	}
	var all []keyed
	err := b.ForEach(func(k, v []byte) error {
		var r record[T]
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("key %q: %w", k, err)
		}
		all = append(all, keyed{key: k, rec: r})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(all, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.rec.Order, b.rec.Order), bytes.Compare(a.key, b.key))
	})
	out := make([]T, len(all))
	for i, r := range all {
		out[i] = r.rec.Value
	}
	return out, nil
}

// writeList stores list into b at orders 1..n and sets the bucket's
// sequence to n, so the next entity added goes after all of them.
func writeList[T any](b *bolt.Bucket, list []T, key func(T) string) error {
	for i, v := range list {
		data, err := encodeRecord(uint64(i+1), v)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(key(v)), data); err != nil {
			return err
		}
	}
	return b.SetSequence(uint64(len(list)))
}

// getJSON decodes the value under key into v; found is false when the key
// is missing.
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("key %q: %w", key, err)
	}
	return true, nil
}

// putJSON encodes v under key.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}
