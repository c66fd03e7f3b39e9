package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// readProject reads a whole project from its bucket. It does not validate.
func readProject(pb *bolt.Bucket) (*model.Project, error) {
	p := &model.Project{}
	var err error
	if p.Meta, err = readMeta(pb); err != nil {
		return nil, err
	}
	if p.Scoring, err = readScoring(pb); err != nil {
		return nil, err
	}
	steps := []struct {
		bucket []byte
		read   func(*bolt.Bucket) error
	}{
		{bucketBoundaries, func(b *bolt.Bucket) (err error) { p.Boundaries, err = readList[model.Boundary](b); return }},
		{bucketElements, func(b *bolt.Bucket) (err error) { p.Elements, err = readList[model.Element](b); return }},
		{bucketFlows, func(b *bolt.Bucket) (err error) { p.Flows, err = readList[model.Flow](b); return }},
		{bucketDecisions, func(b *bolt.Bucket) (err error) { p.Decisions, err = readList[model.Decision](b); return }},
		{bucketRisks, func(b *bolt.Bucket) (err error) { p.Risks, err = readList[model.Risk](b); return }},
		{bucketProvisions, func(b *bolt.Bucket) (err error) { p.Provisions, err = readList[model.ProvisionStatus](b); return }},
		{bucketWorkshops, func(b *bolt.Bucket) (err error) { p.Workshops, err = readList[model.Workshop](b); return }},
	}
	for _, s := range steps {
		b, err := sub(pb, s.bucket)
		if err != nil {
			return nil, err
		}
		if err := s.read(b); err != nil {
			return nil, fmt.Errorf("%s: %w", s.bucket, err)
		}
	}
	if len(p.Workshops) == 0 {
		p.Workshops = nil // as the portable file has it: no workshops, no array
	}
	normalizeProps(p)
	return p, nil
}

// normalizeProps turns sets decoded from JSON ([]any) back into []string.
func normalizeProps(p *model.Project) {
	for i := range p.Elements {
		p.Elements[i].Props.Normalize()
	}
	for i := range p.Flows {
		p.Flows[i].Props.Normalize()
	}
}

func readScoring(pb *bolt.Bucket) (*model.Scoring, error) {
	b, err := sub(pb, bucketScoring)
	if err != nil {
		return nil, err
	}
	var s model.Scoring
	found, err := getJSON(b, keyScoring, &s)
	if err != nil || !found {
		return nil, err
	}
	return &s, nil
}

// writeProject writes a whole project into freshly created, empty data
// buckets.
func writeProject(pb *bolt.Bucket, p *model.Project) error {
	if err := putJSON(pb.Bucket(bucketMeta), keyProject, p.Meta); err != nil {
		return err
	}
	if p.Scoring != nil {
		if err := putJSON(pb.Bucket(bucketScoring), keyScoring, p.Scoring); err != nil {
			return err
		}
	}
	writes := []error{
		writeList(pb.Bucket(bucketBoundaries), p.Boundaries, func(b model.Boundary) string { return b.ID }),
		writeList(pb.Bucket(bucketElements), p.Elements, func(e model.Element) string { return e.ID }),
		writeList(pb.Bucket(bucketFlows), p.Flows, func(f model.Flow) string { return f.ID }),
		writeList(pb.Bucket(bucketDecisions), p.Decisions, func(d model.Decision) string { return d.Finding }),
		writeList(pb.Bucket(bucketRisks), p.Risks, func(r model.Risk) string { return r.ID }),
		writeList(pb.Bucket(bucketProvisions), p.Provisions, func(s model.ProvisionStatus) string { return s.ID }),
		writeList(pb.Bucket(bucketWorkshops), p.Workshops, func(w model.Workshop) string { return w.ID }),
	}
	for _, err := range writes {
		if err != nil {
			return err
		}
	}
	return nil
}
