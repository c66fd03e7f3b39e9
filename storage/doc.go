// Package storage keeps AI Risk Workbench projects in one bbolt file: the
// projects themselves, their change log and named snapshots, automatic
// backups beside the file, and the schema migrations that carry a database
// from one version of the program to the next.
//
// It imports the domain package model and bbolt only; it must never import
// the user interface (ui, fyne), the threat engine, or the file formats.
//
// # Layout
//
// The file holds two root buckets:
//
//	meta                    schema: the layout version, in decimal ("2")
//	projects/<project id>/  one bucket per project, holding
//	    meta        project: the ProjectMeta as JSON
//	    scoring     scoring: the Scoring as JSON (absent for the default)
//	    boundaries  <id>: record        one key per entity, so an edit
//	    elements    <id>: record        writes only what it changes
//	    flows       <id>: record
//	    decisions   <finding key>: record
//	    risks       <id>: record
//	    provisions  <provision number>: record
//	    log         <8-byte big-endian sequence>: LogEntry as JSON
//	    snapshots   <snapshot id>: the whole project as JSON, with name, time, user
//
// A record is {"order":N,"value":ENTITY}: the entity as JSON with its place
// in the project's array, so arrays load in the order they were stored. The
// bucket's own sequence holds the highest order handed out; an entity added
// by Apply gets the next one and so goes to the end, as model.Project.Apply
// does in memory.
//
// # Durability
//
// Every write is one bbolt read-write transaction, committed with fsync
// before the call returns: an edit is either wholly on disk or not at all,
// and a crash loses nothing that was acknowledged (TestCrashDurability kills
// a writer process repeatedly to show it). When the database is opened, and
// at most daily afterwards, a consistent copy goes to the backups folder
// beside the file, keeping the last ten.
package storage
