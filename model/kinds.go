package model

// Kind is an element kind: one of the AI-specific kinds of the catalogue
// vocabulary or one of the generic data-flow-diagram kinds.
type Kind string

// Shape is how a kind is drawn in a data-flow diagram.
type Shape string

// The data-flow diagram shapes.
const (
	ShapeExternal Shape = "external_entity" // a rectangle: people and outside systems
	ShapeProcess  Shape = "process"         // a rounded box: something that computes
	ShapeStore    Shape = "store"           // open-ended box: data at rest
)

// Group is a palette section.
type Group string

// The palette groups, in display order.
const (
	GroupPeople    Group = "People and sources"
	GroupAI        Group = "AI components"
	GroupProcesses Group = "Processes"
	GroupStores    Group = "Stores"
)

// Groups lists the palette groups in display order.
var Groups = []Group{GroupPeople, GroupAI, GroupProcesses, GroupStores}

// The element kinds.
const (
	KindUser              Kind = "user"
	KindHumanReviewer     Kind = "human_reviewer"
	KindDatasetSource     Kind = "dataset_source"
	KindExternalAPI       Kind = "external_api"
	KindExternalEntity    Kind = "external_entity"
	KindTrainingPipeline  Kind = "training_pipeline"
	KindMLOrchestrator    Kind = "ml_orchestrator"
	KindModel             Kind = "model"
	KindInferenceEndpoint Kind = "inference_endpoint"
	KindAIApp             Kind = "ai_app"
	KindInputChannel      Kind = "input_channel"
	KindGuardrail         Kind = "guardrail"
	KindAgent             Kind = "agent"
	KindTool              Kind = "tool"
	KindDownstreamSystem  Kind = "downstream_system"
	KindProcess           Kind = "process"
	KindTrainingDataStore Kind = "training_data_store"
	KindModelRegistry     Kind = "model_registry"
	KindVectorStore       Kind = "vector_store"
	KindMemoryStore       Kind = "memory_store"
	KindPromptConfigStore Kind = "prompt_config_store"
	KindLogMonitor        Kind = "log_monitor"
	KindDataStore         Kind = "data_store"
)

// KindInfo describes one element kind for the palette and for validation.
type KindInfo struct {
	Kind  Kind
	Name  string // display name
	Shape Shape
	Group Group
	// AI is true for the AI-specific kinds; a project with none of them gets
	// no AI findings.
	AI          bool
	Description string // one line for the palette
}

// Kinds lists every element kind in palette order.
var Kinds = []KindInfo{
	{KindUser, "User", ShapeExternal, GroupPeople, false, "A person or outside actor using the system"},
	{KindHumanReviewer, "Human reviewer", ShapeExternal, GroupPeople, true, "A person in the loop: approver, moderator, labeller or analyst"},
	{KindDatasetSource, "Dataset source", ShapeExternal, GroupPeople, true, "Where data comes from: web crawl, vendor dataset, user feedback, sensors"},
	{KindExternalAPI, "External API", ShapeExternal, GroupPeople, true, "A third-party service over an API, such as a hosted model provider"},
	{KindExternalEntity, "External entity", ShapeExternal, GroupPeople, false, "Any other outside system or party: identity provider, partner, SaaS"},
	{KindModel, "Model", ShapeProcess, GroupAI, true, "A model artefact loaded in a runtime: weights plus inference engine"},
	{KindInferenceEndpoint, "Inference endpoint", ShapeProcess, GroupAI, true, "The API or service that serves a model"},
	{KindAIApp, "AI application", ShapeProcess, GroupAI, true, "Logic around a model: prompt assembly, retrieval, output handling"},
	{KindAgent, "Agent", ShapeProcess, GroupAI, true, "A planner that chooses and calls tools with some autonomy"},
	{KindTool, "Tool", ShapeProcess, GroupAI, true, "A tool, function, plug-in or MCP server an agent or app can call"},
	{KindGuardrail, "Guardrail", ShapeProcess, GroupAI, true, "An input or output filter, moderation or policy check"},
	{KindInputChannel, "Input channel", ShapeProcess, GroupAI, true, "Where prompts or inputs arrive: chat UI, API field, upload, camera"},
	{KindTrainingPipeline, "Training pipeline", ShapeProcess, GroupAI, true, "Training, fine-tuning or evaluation job, with data preparation"},
	{KindMLOrchestrator, "ML orchestrator", ShapeProcess, GroupAI, true, "MLOps or CI/CD orchestration, experiment tracking, notebooks"},
	{KindProcess, "Process", ShapeProcess, GroupProcesses, false, "Any ordinary process: web front end, service, batch job"},
	{KindDownstreamSystem, "Downstream system", ShapeProcess, GroupProcesses, false, "A system that acts on model output: browser, database, shell, workflow"},
	{KindTrainingDataStore, "Training data store", ShapeStore, GroupStores, true, "Training, fine-tuning or evaluation datasets and labels"},
	{KindModelRegistry, "Model registry", ShapeStore, GroupStores, true, "A repository of model artefacts, internal or a public hub"},
	{KindVectorStore, "Vector store", ShapeStore, GroupStores, true, "A retrieval index, embedding store or knowledge base"},
	{KindMemoryStore, "Memory store", ShapeStore, GroupStores, true, "Agent long-term memory, conversation history, shared context"},
	{KindPromptConfigStore, "Prompt and config store", ShapeStore, GroupStores, true, "System prompts, model and agent settings, tool definitions"},
	{KindLogMonitor, "Logs and monitoring", ShapeStore, GroupStores, true, "Logging, telemetry, monitoring or SIEM store"},
	{KindDataStore, "Data store", ShapeStore, GroupStores, false, "Any ordinary store: database, file share, object bucket"},
}

var kindIndex = func() map[Kind]KindInfo {
	m := make(map[Kind]KindInfo, len(Kinds))
	for _, k := range Kinds {
		m[k.Kind] = k
	}
	return m
}()

// LookupKind returns the description of k and whether k is a known kind.
func LookupKind(k Kind) (KindInfo, bool) {
	info, ok := kindIndex[k]
	return info, ok
}

// IsAI reports whether k is one of the AI-specific kinds.
func (k Kind) IsAI() bool { return kindIndex[k].AI }

// Name is the display name of k, or k itself when it is unknown.
func (k Kind) Name() string {
	if info, ok := kindIndex[k]; ok {
		return info.Name
	}
	return string(k)
}

// kindsWithShape lists the kinds drawn with the given shapes.
func kindsWithShape(shapes ...Shape) []Kind {
	var out []Kind
	for _, k := range Kinds {
		for _, s := range shapes {
			if k.Shape == s {
				out = append(out, k.Kind)
			}
		}
	}
	return out
}
