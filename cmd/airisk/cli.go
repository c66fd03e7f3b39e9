package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// version is the application version shown by `airisk version`, in the
// About sheet of workbooks and in the app.
const version = "0.1.0"

// env is what every command gets: the global options and where to write.
type env struct {
	dbPath    string // --db; empty means the default path
	catalogue string // --catalogue: a folder of local catalogue files
	stdout    io.Writer
	stderr    io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	args    string // argument synopsis for help
	summary string
	run     func(e *env, fs *flag.FlagSet, args []string) error
	flags   func(fs *flag.FlagSet) // registers the command's own flags
}

// commands lists every subcommand; help prints them in this order.
var commands []command

func init() {
	commands = []command{
		{name: "projects", summary: "list the projects in the database, one a line: id, a tab, the name", run: cmdProjects},
		{name: "new", args: "NAME [--template ID]", summary: "create a project, empty or from a starter template, and print its id", run: cmdNew, flags: newFlags},
		{name: "templates", summary: "list the starter templates, one a line: id, a tab, the name", run: cmdTemplates},
		{name: "import", args: "FILE [--replace]", summary: "import a portable (.json/.yaml) or Threat Dragon file; prints the new project's id last", run: cmdImport, flags: importFlags},
		{name: "export", args: "PROJECT -o FILE.json|.yaml|.td.json | --xlsx FILE.xlsx", summary: "write a project as a portable file, a Threat Dragon model or an Excel workbook", run: cmdExport, flags: exportFlags},
		{name: "import-xlsx", args: "PROJECT FILE.xlsx [--dry-run]", summary: "apply the edits made in a reviewed workbook after showing them", run: cmdImportXLSX, flags: importXLSXFlags},
		{name: "validate", args: "FILE", summary: "check a portable file and list every problem", run: cmdValidate},
		{name: "delete", args: "PROJECT", summary: "delete a project from the database", run: cmdDelete},
		{name: "analyse", args: "FILE|PROJECT [--json]", summary: "list the threats that apply to a model and why", run: cmdAnalyse, flags: jsonFlag},
		{name: "coverage", args: "FILE|PROJECT [--json]", summary: "show Code of Practice coverage per principle", run: cmdCoverage, flags: jsonFlag},
		{name: "catalogue", args: "[--json]", summary: "list the threat catalogue", run: cmdCatalogue, flags: jsonFlag},
		{name: "provisions", args: "[--json]", summary: "list the Code of Practice provisions", run: cmdProvisions, flags: jsonFlag},
		{name: "render", args: "PROJECT -o FILE.svg|.png", summary: "draw the data-flow diagram as a picture", run: cmdRender, flags: outFlag},
		{name: "report", args: "PROJECT -o FILE.html|.md", summary: "write a self-contained report for people who never open the app", run: cmdReport, flags: outFlag},
		{name: "backups", summary: "list the automatic backups of the database", run: cmdBackups},
		{name: "restore", args: "BACKUP", summary: "restore the database from a backup (the current file is kept aside)", run: cmdRestore},
		{name: "version", summary: "print the version", run: cmdVersion},
		{name: "help", summary: "show this help", run: cmdHelp},
	}
}

// run parses the command line and runs it; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	global := flag.NewFlagSet("airisk", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	globalFlags(global, e)
	open := global.String("open", "", "open this project in the app")
	if err := global.Parse(args); err != nil {
		return reportError(stderr, usagef("%v (see airisk help)", err))
	}
	rest := global.Args()
	if len(rest) == 0 {
		return reportError(stderr, runGUI(e, *open))
	}
	return reportError(stderr, dispatch(e, rest[0], rest[1:]))
}

// globalFlags registers the options every command accepts.
func globalFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.dbPath, "db", e.dbPath, "database file (default: in your user config folder)")
	fs.StringVar(&e.catalogue, "catalogue", e.catalogue, "folder of local catalogue files to add to the bundled catalogue")
}

func dispatch(e *env, name string, args []string) error {
	for _, c := range commands {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet("airisk "+name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		globalFlags(fs, e)
		if c.flags != nil {
			c.flags(fs)
		}
		if err := fs.Parse(interleave(fs, args)); err != nil {
			return usagef("airisk %s: %v (usage: airisk %s %s)", name, err, name, c.args)
		}
		return c.run(e, fs, fs.Args())
	}
	return usagef("unknown command %q (see airisk help)", name)
}

// interleave moves flags after positional arguments to the front, so
// `airisk export support -o out.yaml` works as people type it.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(flags, positional...)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// reportError prints err as one line (or a short block for multi-problem errors)
// on stderr and returns the exit code.
func reportError(stderr io.Writer, err error) int {
	if err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintln(stderr, "airisk:", err)
		} else {
			fmt.Fprintln(stderr, "airisk: error:", err)
		}
	}
	return exitCode(err)
}

func wantArgs(args []string, n int, synopsis string) error {
	if len(args) != n {
		return usagef("expected %s", synopsis)
	}
	return nil
}

func cmdVersion(e *env, _ *flag.FlagSet, _ []string) error {
	fmt.Fprintf(e.stdout, "airisk %s\n", version)
	return nil
}

func cmdHelp(e *env, _ *flag.FlagSet, _ []string) error {
	w := e.stdout
	fmt.Fprintln(w, "AI Risk Workbench: threat modelling and risk register for AI systems.")
	fmt.Fprintln(w, "\nUsage:\n  airisk [--db PATH] [--open PROJECT]      open the desktop app")
	fmt.Fprintln(w, "  airisk [--db PATH] COMMAND [ARGS]        run a command")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	width := 0
	for _, c := range commands {
		s := strings.TrimSpace(c.name + " " + c.args)
		names = append(names, s)
		width = max(width, len(s))
	}
	for i, c := range commands {
		fmt.Fprintf(w, "  %-*s  %s\n", width, names[i], c.summary)
	}
	fmt.Fprintln(w, "\nPROJECT is a project id or a unique project name.")
	fmt.Fprintln(w, "Global options: --db PATH (database file), --catalogue DIR (local catalogue files).")
	fmt.Fprintln(w, "Exit status: 0 success, 1 error, 2 bad usage.")
	return nil
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
