package model

import (
	"fmt"
	"slices"
	"sort"
)

// Props holds an element's or flow's properties by name. Values are bool
// (PropBool), string (PropEnum) or []string (PropSet). Readers of foreign
// files may hand in []any for sets; Normalize turns them into []string.
type Props map[string]any

// PropType is the type of a property.
type PropType string

// The property types.
const (
	PropBool PropType = "bool"
	PropEnum PropType = "enum"
	PropSet  PropType = "set"
)

// PropInfo describes one property of the vocabulary.
type PropInfo struct {
	Name string
	Type PropType
	// Values are the allowed values of an enum or set, in display order.
	Values []string
	// Kinds are the element kinds the property applies to.
	Kinds []Kind
	// Flow is true when the property applies to data flows.
	Flow bool
	// Control is true for properties that assert a control is in place
	// (encrypted, authn_required...): unset means "not asserted", and the
	// threat engine treats it as false so the threat is suggested until
	// someone says otherwise.
	Control bool
	Help    string
}

// PropCrossesTrustBoundary is the derived flow fact that catalogue conditions
// may read but nobody may set.
const PropCrossesTrustBoundary = "crosses_trust_boundary"

var (
	allKinds  = kindsWithShape(ShapeExternal, ShapeProcess, ShapeStore)
	procKinds = kindsWithShape(ShapeProcess)
	storeKind = kindsWithShape(ShapeStore)
	systems   = append(append(slices.Clone(procKinds), storeKind...), KindExternalAPI)
)

func ks(k ...Kind) []Kind { return k }

// Properties is the property vocabulary, in display order.
var Properties = []PropInfo{
	{Name: "internet_facing", Type: PropBool, Kinds: systems, Help: "Reachable from the internet"},
	{Name: "accepts_untrusted_input", Type: PropBool, Kinds: allKinds, Help: "Receives input from parties not fully trusted: public users, external content"},
	{Name: "handles_personal_data", Type: PropBool, Kinds: allKinds, Help: "Processes or stores personal data"},
	{Name: "handles_confidential_data", Type: PropBool, Kinds: allKinds, Help: "Processes or stores commercially confidential or classified data"},
	{Name: "contains_secrets", Type: PropBool, Kinds: systems, Help: "Holds credentials, keys or tokens"},
	{Name: "third_party", Type: PropBool, Kinds: allKinds, Help: "Supplied or operated by an external party"},
	{Name: "multi_tenant", Type: PropBool, Kinds: allKinds, Help: "Shared between customers or user groups with different entitlements"},
	{Name: "authn_required", Type: PropBool, Kinds: systems, Control: true, Help: "Callers must authenticate"},
	{Name: "rate_limited", Type: PropBool, Kinds: append(slices.Clone(procKinds), KindExternalAPI), Control: true, Help: "Per-client rate limits or quotas are enforced"},
	{Name: "logging_enabled", Type: PropBool, Kinds: append(slices.Clone(procKinds), KindExternalAPI), Control: true, Help: "Security-relevant activity (inputs, outputs, tool calls) is logged"},
	{Name: "provenance_tracked", Type: PropBool, Kinds: ks(KindDatasetSource, KindTrainingDataStore, KindModel, KindModelRegistry, KindTool, KindTrainingPipeline, KindVectorStore, KindExternalAPI, KindDataStore), Control: true, Help: "Origin, version and hash are recorded"},
	{Name: "lifecycle_state", Type: PropEnum, Values: []string{"planned", "in_service", "retiring"}, Kinds: allKinds, Help: "Lifecycle stage of the element"},
	{Name: "model_kind", Type: PropEnum, Values: []string{"predictive", "generative_text", "generative_media", "embedding", "multimodal"}, Kinds: ks(KindModel, KindInferenceEndpoint, KindExternalAPI), Help: "Kind of model behind it"},
	{Name: "third_party_model", Type: PropBool, Kinds: ks(KindModel, KindInferenceEndpoint), Help: "Pre-trained or supplied by someone else (hub, vendor, API)"},
	{Name: "open_weights", Type: PropBool, Kinds: ks(KindModel, KindModelRegistry), Help: "Weights obtained from or published to an open repository"},
	{Name: "fine_tuned", Type: PropBool, Kinds: ks(KindModel), Help: "Adapted or fine-tuned by the organisation"},
	{Name: "continual_learning", Type: PropBool, Kinds: ks(KindModel), Help: "Updated from production data or feedback"},
	{Name: "weights_confidential", Type: PropBool, Kinds: ks(KindModel, KindModelRegistry, KindInferenceEndpoint), Help: "Weights are proprietary or sensitive"},
	{Name: "returns_scores", Type: PropBool, Kinds: ks(KindModel, KindInferenceEndpoint, KindExternalAPI), Help: "Confidence scores, logits or probabilities are returned to callers"},
	{Name: "serialization", Type: PropEnum, Values: []string{"safetensors", "onnx", "gguf", "pickle", "other"}, Kinds: ks(KindModel, KindModelRegistry), Help: "File format of the model artefact"},
	{Name: "multimodal_input", Type: PropBool, Kinds: ks(KindModel, KindAIApp, KindInputChannel, KindInferenceEndpoint, KindExternalAPI, KindAgent), Help: "Accepts images, audio, video or files besides text"},
	{Name: "physical_world_input", Type: PropBool, Kinds: ks(KindModel, KindInputChannel), Help: "Input comes from cameras, microphones or sensors"},
	{Name: "high_impact_decisions", Type: PropBool, Kinds: ks(KindModel, KindAIApp, KindAgent, KindDownstreamSystem, KindInferenceEndpoint), Help: "Outputs drive decisions with significant effect on people, money or safety"},
	{Name: "retrieval_augmented", Type: PropBool, Kinds: ks(KindAIApp, KindAgent), Help: "Adds retrieved documents to the model context (RAG)"},
	{Name: "ingests_external_content", Type: PropBool, Kinds: ks(KindAIApp, KindAgent, KindTool), Help: "Reads web pages, emails, uploaded files or other content written by outsiders"},
	{Name: "has_tool_access", Type: PropBool, Kinds: ks(KindAIApp, KindAgent), Help: "Can call tools, functions or plug-ins"},
	{Name: "tool_privilege", Type: PropEnum, Values: []string{"read_only", "write", "execute", "payment"}, Kinds: ks(KindTool, KindAgent, KindAIApp), Help: "Highest privilege of the tools it can reach"},
	{Name: "autonomous", Type: PropBool, Kinds: ks(KindAgent), Help: "Acts without a person approving each action"},
	{Name: "executes_generated_code", Type: PropBool, Kinds: ks(KindAIApp, KindAgent, KindTool), Help: "Runs code or commands written by the model"},
	{Name: "persistent_memory", Type: PropBool, Kinds: ks(KindAgent, KindAIApp), Help: "Keeps memory or history across sessions"},
	{Name: "multi_agent", Type: PropBool, Kinds: ks(KindAgent), Help: "Exchanges messages with or delegates to other agents"},
	{Name: "network_egress", Type: PropBool, Kinds: ks(KindTool, KindAgent, KindAIApp), Help: "Can send data to arbitrary outside destinations"},
	{Name: "output_rendering", Type: PropEnum, Values: []string{"plain_text", "markdown_html", "code", "sql", "shell", "structured_api"}, Kinds: ks(KindAIApp), Flow: true, Help: "How the output is consumed downstream"},
	{Name: "system_prompt_has_secrets", Type: PropBool, Kinds: ks(KindAIApp, KindPromptConfigStore, KindAgent), Help: "The system prompt embeds secrets or access rules"},
	{Name: "human_oversight", Type: PropEnum, Values: []string{"none", "exception_only", "per_action"}, Kinds: ks(KindAIApp, KindAgent), Help: "How much people review outputs or actions"},
	{Name: "data_origin", Type: PropEnum, Values: []string{"internal", "vendor", "public_web", "user_generated"}, Kinds: ks(KindDatasetSource, KindTrainingDataStore, KindVectorStore, KindDataStore), Help: "Where the data comes from"},
	{Name: "feedback_used_for_training", Type: PropBool, Kinds: ks(KindAIApp, KindTrainingPipeline, KindModel), Help: "User feedback or interactions feed retraining"},
	{Name: "labelling_outsourced", Type: PropBool, Kinds: ks(KindTrainingDataStore, KindDatasetSource), Help: "Labels come from third parties or crowd workers"},
	{Name: "logs_prompts", Type: PropBool, Kinds: ks(KindLogMonitor), Help: "Stores raw prompts and outputs"},
	{Name: "retention_defined", Type: PropBool, Kinds: storeKind, Control: true, Help: "A retention period is defined and enforced"},
	{Name: "encrypted", Type: PropBool, Flow: true, Control: true, Help: "Protected in transit"},
	{Name: "authenticated", Type: PropBool, Flow: true, Control: true, Help: "Both ends are authenticated and the data is integrity-protected"},
	{Name: "carries", Type: PropSet, Values: []string{"prompts", "outputs", "training_data", "model_artifacts", "embeddings", "credentials", "personal_data", "tool_calls", "feedback", "logs"}, Flow: true, Help: "Kinds of data on the flow"},
}

var propIndex = func() map[string]PropInfo {
	m := make(map[string]PropInfo, len(Properties))
	for _, p := range Properties {
		m[p.Name] = p
	}
	return m
}()

// LookupProp returns the vocabulary entry for name.
func LookupProp(name string) (PropInfo, bool) {
	p, ok := propIndex[name]
	return p, ok
}

// AppliesTo reports whether the property may be set on elements of kind k.
func (p PropInfo) AppliesTo(k Kind) bool { return slices.Contains(p.Kinds, k) }

// PropsFor lists the properties that apply to elements of kind k, in
// display order.
func PropsFor(k Kind) []PropInfo {
	var out []PropInfo
	for _, p := range Properties {
		if p.AppliesTo(k) {
			out = append(out, p)
		}
	}
	return out
}

// FlowProps lists the properties that apply to data flows.
func FlowProps() []PropInfo {
	var out []PropInfo
	for _, p := range Properties {
		if p.Flow {
			out = append(out, p)
		}
	}
	return out
}

// Bool returns a boolean property, false when unset.
func (p Props) Bool(name string) bool {
	b, _ := p[name].(bool)
	return b
}

// String returns an enum property, "" when unset.
func (p Props) String(name string) string {
	s, _ := p[name].(string)
	return s
}

// Set returns a set property, nil when unset.
func (p Props) Set(name string) []string {
	switch v := p[name].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Clone returns a deep copy of p (nil stays nil).
func (p Props) Clone() Props {
	if p == nil {
		return nil
	}
	out := make(Props, len(p))
	for k, v := range p {
		if s, ok := v.([]string); ok {
			v = slices.Clone(s)
		}
		out[k] = v
	}
	return out
}

// Normalize converts set values decoded as []any into []string, leaving
// anything it cannot convert for validation to report.
func (p Props) Normalize() {
	for k, v := range p {
		list, ok := v.([]any)
		if !ok {
			continue
		}
		out := make([]string, 0, len(list))
		for _, x := range list {
			s, ok := x.(string)
			if !ok {
				out = nil
				break
			}
			out = append(out, s)
		}
		if out != nil {
			p[k] = out
		}
	}
}

// Keys returns the property names in sorted order.
func (p Props) Keys() []string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkProp validates one property value against the vocabulary. onFlow says
// whether the owner is a flow; kind is the owning element's kind otherwise.
func checkProp(name string, v any, kind Kind, onFlow bool) string {
	if name == PropCrossesTrustBoundary {
		return "is derived from the diagram and cannot be set"
	}
	info, ok := propIndex[name]
	if !ok {
		return "unknown property"
	}
	if onFlow && !info.Flow {
		return "does not apply to data flows"
	}
	if !onFlow && !info.AppliesTo(kind) {
		return fmt.Sprintf("does not apply to a %s", kind.Name())
	}
	return checkValue(info, v)
}

func checkValue(info PropInfo, v any) string {
	switch info.Type {
	case PropBool:
		if _, ok := v.(bool); !ok {
			return fmt.Sprintf("must be true or false, not %s", describe(v))
		}
	case PropEnum:
		s, ok := v.(string)
		if !ok || !slices.Contains(info.Values, s) {
			return fmt.Sprintf("must be one of %v, not %s", info.Values, describe(v))
		}
	case PropSet:
		return checkSet(info, v)
	}
	return ""
}

func checkSet(info PropInfo, v any) string {
	var items []any
	switch l := v.(type) {
	case []string:
		for _, s := range l {
			items = append(items, s)
		}
	case []any:
		items = l
	default:
		return fmt.Sprintf("must be a list drawn from %v, not %s", info.Values, describe(v))
	}
	for _, x := range items {
		s, ok := x.(string)
		if !ok || !slices.Contains(info.Values, s) {
			return fmt.Sprintf("has %s, which is not one of %v", describe(x), info.Values)
		}
	}
	return ""
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "nothing"
	default:
		return fmt.Sprintf("%v", x)
	}
}
