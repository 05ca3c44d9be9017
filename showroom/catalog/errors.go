package catalog

import (
	"errors"
	"fmt"
)

// Error codes shared by every domain of the store. The HTTP layer maps each
// code to a status in one table; users see Message, never the wrapped cause.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	ERATELIMITED  = "rate_limited"
	ETOOLARGE     = "too_large"
	EINTERNAL     = "internal"
)

// Error is a domain error that carries a machine-readable code, a message a
// customer may read, and optionally the field it is about so that forms can
// show the message next to that field.
type Error struct {
	Code    string
	Message string
	// Field names the input the error is about ("email", "lines[0].qty"); empty
	// when the error is about the request as a whole.
	Field string
	// Key is the translation key of Message, so the browser can show it in
	// the customer's language; empty when Message is already final.
	Key string
	// Params fill the {placeholders} of Key's message ("seconds": "42");
	// nil when it has none.
	Params map[string]string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error about one input field. key is the
// translation key of the message shown next to the field.
func FieldError(field, key, message string) *Error {
	return &Error{Code: EINVALID, Field: field, Key: key, Message: message}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the customer-facing message of err. Internal errors
// get a generic message so that SQL text or file paths never reach a user.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "Something went wrong on our side. Please try again."
	}
}
