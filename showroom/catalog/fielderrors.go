package catalog

import "strings"

// Errors is several field errors reported at once, so that a form can mark
// every wrong field in one round trip instead of one per submit. Every
// element is an EINVALID *Error with its Field and Key set. Because it
// unwraps to its elements, ErrorCode and errors.As see the first one.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns the elements, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Err returns es as an error, or nil when it is empty, so that a validator
// can collect problems and return them in one statement.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
