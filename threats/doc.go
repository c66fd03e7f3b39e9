// Package threats is the threat engine of AI Risk Workbench: it loads and
// validates the threat catalogue and the UK Code of Practice for the Cyber
// Security of AI, compiles the catalogue's conditions once, suggests the
// threats that apply to a project (Analyse) with an explanation of why, and
// works out the project's coverage of the Code (CoverageOf).
//
// It imports model and assets (for the bundled data) only; it must never
// import storage, the file formats or the user interface, and it never opens
// files, the network or the clock on its own: loaders take an fs.FS.
package threats
