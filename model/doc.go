// Package model is the domain of AI Risk Workbench: projects, trust
// boundaries, elements, data flows, triage decisions, risks with their
// controls, Code of Practice provision statuses, scoring, and the edits
// (changes) that move a project from one valid state to the next.
//
// It imports only the standard library. Storage, file formats, the threat
// engine and the user interface all build on it; it must never import any of
// them.
package model
