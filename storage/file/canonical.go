package file

import (
	"reflect"
	"strings"
	"time"

	"airisk/model"
)

// canonical returns a deep copy of p in its written form: lists and maps
// that the file always shows are empty rather than nil, and every time is
// in UTC. p is not changed. It works by reflection over the model's types,
// so fields added to the model later are covered without change here.
func canonical(p *model.Project) model.Project {
	return canon(reflect.ValueOf(*p), false).Interface().(model.Project)
}

// canon copies v; omit says whether the field holding v is left out of
// the file when empty (then nil stays nil).
func canon(v reflect.Value, omit bool) reflect.Value {
	switch v.Kind() {
	case reflect.Struct:
		return canonStruct(v)
	case reflect.Slice:
		if v.IsNil() && omit {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(canon(v.Index(i), false))
		}
		return out
	case reflect.Map:
		if v.IsNil() && omit {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), canon(it.Value(), false))
		}
		return out
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		if v.Kind() == reflect.Pointer {
			out = reflect.New(v.Type().Elem())
			out.Elem().Set(canon(v.Elem(), false))
			return out
		}
		out.Set(canon(v.Elem(), false))
		return out
	}
	return v
}

func canonStruct(v reflect.Value) reflect.Value {
	if t, ok := v.Interface().(time.Time); ok {
		return reflect.ValueOf(t.UTC())
	}
	out := reflect.New(v.Type()).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		omit := strings.Contains(f.Tag.Get("yaml"), "omitempty") || strings.Contains(f.Tag.Get("json"), "omitempty")
		out.Field(i).Set(canon(v.Field(i), omit))
	}
	return out
}
