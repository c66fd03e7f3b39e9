package storage

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// helperEnv switches the test binary into a helper process: the lock and
// crash tests need a real second process, so they run this binary again.
const (
	helperEnv   = "AIRISK_STORAGE_TEST_HELPER"
	helperDBEnv = "AIRISK_STORAGE_TEST_DB"
)

func TestMain(m *testing.M) {
	switch os.Getenv(helperEnv) {
	case "":
		os.Exit(m.Run())
	case "hold":
		os.Exit(holdOpen(os.Getenv(helperDBEnv)))
	case "crash-writer":
		os.Exit(crashWriter(os.Getenv(helperDBEnv), os.Getenv(crashStartEnv)))
	default:
		fmt.Fprintf(os.Stderr, "unknown helper mode %q\n", os.Getenv(helperEnv))
		os.Exit(2)
	}
}

// holdOpen opens the database, says "ready", and keeps it open until its
// standard input is closed.
func holdOpen(path string) int {
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := db.Close(); err != nil {
		fmt.Println("error", err)
		return 1
	}
	return 0
}

// helper starts this test binary as a helper process in the given mode.
func helper(t testing.TB, mode, dbPath string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDBEnv+"="+dbPath)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	return cmd
}

// waitForLine reads lines until one equals want; it fails on a line
// starting with "error" or on end of output.
func waitForLine(t testing.TB, r *bufio.Reader, want string) {
	t.Helper()
	for {
		line, err := r.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == want {
			return
		}
		if strings.HasPrefix(line, "error") || err != nil {
			t.Fatalf("helper said %q (%v), want %q", line, err, want)
		}
	}
}

// openTest opens a new database in a temporary folder. At cleanup it closes
// it and runs bbolt's consistency check on the file.
func openTest(t testing.TB, opts Options) *DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "airisk.db")
	db, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		_ = db.Close()
		checkFile(t, path)
	})
	return db
}

// reopen closes db and opens its file again.
func reopen(t testing.TB, db *DB, opts Options) *DB {
	t.Helper()
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	again, err := Open(db.Path(), opts)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = again.Close() })
	return again
}

// checkFile runs bbolt's consistency check on a closed database file.
func checkFile(t testing.TB, path string) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("consistency check: open %s: %v", path, err)
		return
	}
	defer bdb.Close()
	err = bdb.View(func(tx *bolt.Tx) error { return consistency(tx) })
	if err != nil {
		t.Errorf("consistency check of %s: %v", path, err)
	}
}

var (
	t0 = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	t1 = time.Date(2026, 11, 21, 16, 30, 0, 0, time.UTC)
)

// richProject uses every entity and every kind of field, so a round trip
// through the store shows nothing is lost.
func richProject(id, name string) *model.Project {
	s := model.DefaultScoring()
	s.Appetite = 8
	s.Bands = []model.Band{{Name: "Low", Max: 6}, {Name: "High", Max: 15}, {Name: "Critical", Max: 25}}
	return &model.Project{
		Meta: model.ProjectMeta{ID: id, Name: name, Description: "RAG support bot", Owner: "Head of Digital",
			Created: t0, Updated: t1, Packs: []string{"stride"}},
		Boundaries: []model.Boundary{
			{ID: "internet", Name: "Internet", Kind: model.BoundaryInternet, X: 10, Y: 20, W: 200, H: 300},
			{ID: "corp", Name: "Company cloud", Kind: model.BoundaryOrganisation},
			{ID: "vpc", Name: "Private network", Kind: model.BoundarySandbox, Parent: "corp", X: 1.5, W: 10, H: 10},
		},
		Elements: []model.Element{
			{ID: "customer", Kind: model.KindUser, Name: "Customer", Boundary: "internet",
				Props: model.Props{"accepts_untrusted_input": true}, X: 40, Y: 120},
			{ID: "chat-app", Kind: model.KindAIApp, Name: "Support chat", Description: "Answers questions", Boundary: "vpc",
				Props: model.Props{"retrieval_augmented": true, "output_rendering": "markdown_html", "internet_facing": true}},
			{ID: "index", Kind: model.KindVectorStore, Name: "Help index", Boundary: "corp", Props: model.Props{}},
			{ID: "llm", Kind: model.KindExternalAPI, Name: "Hosted LLM", Props: model.Props{"third_party": true}, X: -3.25},
		},
		Flows: []model.Flow{
			{ID: "f1", From: "customer", To: "chat-app", Name: "Question",
				Props: model.Props{"carries": []string{"prompts"}, "encrypted": true}},
			{ID: "f2", From: "chat-app", To: "llm", Name: "Prompt", Description: "with passages",
				Props: model.Props{"carries": []string{"prompts", "personal_data"}, "output_rendering": "plain_text"}},
			{ID: "f3", From: "index", To: "chat-app"},
		},
		Decisions: []model.Decision{
			{Finding: "AIT-044@chat-app", Status: model.DecisionAccepted, Decided: t1},
			{Finding: "AIT-013@llm", Status: model.DecisionDismissed, Reason: "Hosted API", Decided: t0},
			{Finding: "AIT-002@project", Status: model.DecisionProposed, Likelihood: 2, Impact: 5},
		},
		Risks: []model.Risk{
			{ID: "R-002", Title: "Prompt injection", Finding: "AIT-044@chat-app", Threat: "AIT-044",
				Elements: []string{"chat-app", "index"}, Likelihood: 4, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 3,
				Treatment: model.TreatmentTreat, Status: model.RiskOpen, Owner: "Platform lead", Due: "2026-12-15", Review: "2027-03-01",
				Controls: []model.Control{
					{Title: "Tag retrieved text as data", Status: model.ControlInProgress, Provisions: []string{"2.2", "6.4"}},
					{Title: "Output filter", Status: model.ControlPlanned, Provisions: []string{}},
				},
				Notes: "=SUM(A1)", Updated: t1},
			{ID: "R-001", Title: "Manual risk", Elements: []string{}, Likelihood: 1, Impact: 2,
				Treatment: model.TreatmentTolerate, Status: model.RiskAccepted, Controls: []model.Control{}},
		},
		Provisions: []model.ProvisionStatus{
			{ID: "5.1", Status: model.ProvisionPartial, Evidence: "CMDB"},
			{ID: "2.2", Status: model.ProvisionMet},
		},
		Workshops: []model.Workshop{{
			ID: "W-001", Title: "Design review", Attendees: []string{"Ana"}, Started: t1, Ended: t1.Add(time.Hour),
			Agenda: []string{"chat-app"}, Decided: []string{"AIT-044@chat-app"}, RisksCreated: []string{"R-002"}, RisksChanged: []string{},
			Parking: []model.ParkingItem{{Text: "Who owns the chat service?", Element: "chat-app", Raised: t1}},
		}},
		Scoring: &s,
	}
}

// mustCreate stores p or fails the test.
func mustCreate(t testing.TB, db *DB, p *model.Project) {
	t.Helper()
	if err := db.Create(p); err != nil {
		t.Fatalf("Create(%s): %v", p.Meta.ID, err)
	}
}

// mustLoad loads a project or fails the test.
func mustLoad(t testing.TB, db *DB, id string) *model.Project {
	t.Helper()
	p, err := db.Load(id)
	if err != nil {
		t.Fatalf("Load(%s): %v", id, err)
	}
	return p
}
