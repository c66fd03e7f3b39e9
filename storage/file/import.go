package file

import (
	"airisk/model"
)

// Import reads the file at path, whatever it holds: a portable model file
// (JSON or YAML; the Fidelity is nil, nothing is lost) or a Threat Dragon
// v2 model (with its Fidelity report). Files over model.MaxImportBytes and
// files of any other kind are refused with a clear error.
func Import(path string) (*model.Project, *Fidelity, error) {
	data, err := readFileLimited(path)
	if err != nil {
		return nil, nil, err
	}
	switch Detect(data) {
	case Portable:
		p, err := decodePortable(data, path)
		return p, nil, err
	case ThreatDragon:
		return decodeThreatDragon(data, path)
	}
	if _, err := prepareText(data, path); err != nil {
		return nil, nil, err
	}
	return nil, nil, fileError(path, ErrUnknownFormat, 0, "",
		"this is neither an AI Risk Workbench model file (JSON or YAML with \"format: %s\") nor a Threat Dragon v2 model", FormatVersion)
}
