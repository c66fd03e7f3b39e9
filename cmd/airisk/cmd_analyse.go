package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"airisk/model"
	"airisk/threats"
)

func jsonFlag(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }

func wantJSON(fs *flag.FlagSet) bool { return fs.Lookup("json").Value.String() == "true" }

// findingJSON is the stable JSON form of a finding for scripts.
type findingJSON struct {
	Key        string   `json:"key"`
	Threat     string   `json:"threat"`
	Title      string   `json:"title"`
	Target     string   `json:"target"`
	TargetName string   `json:"target_name"`
	TargetKind string   `json:"target_kind"`
	Stride     []string `json:"stride"`
	Phase      []string `json:"phase"`
	References []string `json:"references"`
	Provisions []string `json:"provisions"`
	Likelihood int      `json:"likelihood"`
	Impact     int      `json:"impact"`
	Why        string   `json:"why"`
	Decision   string   `json:"decision"`
}

type projectJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func cmdAnalyse(e *env, fs *flag.FlagSet, args []string) error {
	p, c, err := modelAndCatalogue(e, args, "airisk analyse FILE|PROJECT [--json]")
	if err != nil {
		return err
	}
	findings := threats.Analyse(p, c)
	if wantJSON(fs) {
		return printJSON(e.stdout, map[string]any{
			"project":  projectJSON{p.Meta.ID, p.Meta.Name},
			"findings": findingsJSON(p, findings),
		})
	}
	printFindings(e.stdout, p, findings)
	return nil
}

// modelAndCatalogue loads the one FILE|PROJECT argument and the catalogue.
func modelAndCatalogue(e *env, args []string, synopsis string) (*model.Project, *threats.Catalogue, error) {
	if err := wantArgs(args, 1, synopsis); err != nil {
		return nil, nil, err
	}
	p, err := loadModel(e, args[0])
	if err != nil {
		return nil, nil, err
	}
	c, err := catalogue(e)
	return p, c, err
}

func findingsJSON(p *model.Project, fs []threats.Finding) []findingJSON {
	out := make([]findingJSON, 0, len(fs))
	for _, f := range fs {
		t := f.Threat
		out = append(out, findingJSON{
			Key: f.Key, Threat: t.ID, Title: t.Title,
			Target: f.Target, TargetName: f.TargetName, TargetKind: string(f.TargetKind),
			Stride: strs(t.Stride), Phase: strs(t.Phases),
			References: nonNil(t.References), Provisions: nonNil(t.Provisions()),
			Likelihood: t.Likelihood, Impact: t.Impact, Why: f.Why,
			Decision: decisionOf(p, f.Key),
		})
	}
	return out
}

// decisionOf returns the triage status of a finding ("proposed" when
// nobody decided yet).
func decisionOf(p *model.Project, key string) string {
	if d, ok := p.Decision(key); ok {
		return string(d.Status)
	}
	return string(model.DecisionProposed)
}

func printFindings(w io.Writer, p *model.Project, fs []threats.Finding) {
	fmt.Fprintf(w, "%s: %d findings\n", p.Meta.Name, len(fs))
	last := ""
	for _, f := range fs {
		if f.Target != last {
			fmt.Fprintf(w, "\n%s (%s)\n", f.TargetName, f.Target)
			last = f.Target
		}
		t := f.Threat
		score := model.Score(t.Likelihood, t.Impact)
		fmt.Fprintf(w, "  %-8s %s  [score %d, %s]\n", t.ID, t.Title, score, decisionOf(p, f.Key))
		fmt.Fprintf(w, "           why: %s\n", f.Why)
	}
}

func cmdCoverage(e *env, fs *flag.FlagSet, args []string) error {
	p, c, err := modelAndCatalogue(e, args, "airisk coverage FILE|PROJECT [--json]")
	if err != nil {
		return err
	}
	cov := threats.CoverageOf(p, c)
	if wantJSON(fs) {
		return printJSON(e.stdout, coverageJSON(p, cov))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Principle\tProvisions\tMet\tAddressed by controls\tOpen")
	for _, pc := range cov.Principles {
		fmt.Fprintf(tw, "%d. %s\t%d\t%d\t%d\t%d\n", pc.Principle.Number, pc.Principle.Title, pc.Total, pc.Met, pc.Addressed, pc.Open)
	}
	return tw.Flush()
}

func coverageJSON(p *model.Project, cov threats.Coverage) map[string]any {
	type prov struct {
		ID        string   `json:"id"`
		Principle int      `json:"principle"`
		Title     string   `json:"title"`
		Status    string   `json:"status"`
		Addressed bool     `json:"addressed"`
		Controls  []string `json:"controls"`
	}
	provs := make([]prov, 0, len(cov.Provisions))
	for _, pc := range cov.Provisions {
		var ctl []string
		for _, c := range pc.Controls {
			ctl = append(ctl, c.RiskID+": "+c.Control)
		}
		provs = append(provs, prov{pc.Provision.ID, pc.Provision.Principle, pc.Provision.Title, string(pc.State), pc.Addressed, nonNil(ctl)})
	}
	return map[string]any{"project": projectJSON{p.Meta.ID, p.Meta.Name}, "principles": cov.Principles, "provisions": provs}
}

func cmdCatalogue(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 0, "airisk catalogue [--json]"); err != nil {
		return err
	}
	c, err := catalogue(e)
	if err != nil {
		return err
	}
	if wantJSON(fs) {
		return printJSON(e.stdout, map[string]any{"version": c.Version, "threats": c.Threats})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPack\tSTRIDE\tApplies to\tTitle")
	for _, t := range c.Threats {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Pack, strings.Join(strs(t.Stride), ""), strings.Join(t.On, ", "), t.Title)
	}
	return tw.Flush()
}

func cmdProvisions(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 0, "airisk provisions [--json]"); err != nil {
		return err
	}
	c, err := catalogue(e)
	if err != nil {
		return err
	}
	if wantJSON(fs) {
		return printJSON(e.stdout, c.Code)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "UK\tETSI\tLevel\tTitle")
	for _, pr := range c.Code.Provisions {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", pr.ID, pr.ETSI, pr.Level, pr.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\n"+c.Code.Note)
	return nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func strs[T ~string](in []T) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
