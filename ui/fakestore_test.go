package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"airisk/model"
)

// fakeStore is an in-memory Store that checks every change as bbolt's
// store does: the project must exist and deletes must hit something.
type fakeStore struct {
	mu       sync.Mutex
	projects map[string]*model.Project
	log      map[string][]model.Change
	failNext error
}

var errFakeNotFound = errors.New("not found")

func newFakeStore(ps ...*model.Project) *fakeStore {
	s := &fakeStore{projects: map[string]*model.Project{}, log: map[string][]model.Change{}}
	for _, p := range ps {
		s.projects[p.Meta.ID] = p.Clone()
	}
	return s
}

func (s *fakeStore) Projects() ([]model.ProjectMeta, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []model.ProjectMeta
	for _, p := range s.projects {
		out = append(out, p.Meta)
	}
	slices.SortFunc(out, func(a, b model.ProjectMeta) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func (s *fakeStore) Load(id string) (*model.Project, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.projects[id]
	if !ok {
		return nil, fmt.Errorf("project %q: %w", id, errFakeNotFound)
	}
	return p.Clone(), nil
}

func (s *fakeStore) Create(p *model.Project) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects[p.Meta.ID]; ok {
		return fmt.Errorf("project %q already exists", p.Meta.ID)
	}
	s.projects[p.Meta.ID] = p.Clone()
	return nil
}

func (s *fakeStore) Replace(p *model.Project) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.projects[p.Meta.ID] = p.Clone()
	return nil
}

func (s *fakeStore) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects[id]; !ok {
		return errFakeNotFound
	}
	delete(s.projects, id)
	return nil
}

// Apply applies the change to the stored copy, so tests can compare what
// was saved with what is shown.
func (s *fakeStore) Apply(id string, c model.Change) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.failNext; err != nil {
		s.failNext = nil
		return err
	}
	p, ok := s.projects[id]
	if !ok {
		return fmt.Errorf("project %q: %w", id, errFakeNotFound)
	}
	if _, err := p.Apply(c); err != nil {
		return fmt.Errorf("stored copy: %w", err)
	}
	s.log[id] = append(s.log[id], c)
	return nil
}

func (s *fakeStore) Path() string { return "/tmp/fake.db" }

// stored returns the stored copy of a project.
func (s *fakeStore) stored(id string) *model.Project {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.projects[id].Clone()
}
