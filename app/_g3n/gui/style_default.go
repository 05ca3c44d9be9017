// Copyright 2016 The G3N Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This file replaces g3n v0.2.0's gui/style_default.go in Vitrine's
// browser build (app/_g3n/prepare.sh). g3n makes its default style, fonts
// included, in an init func; here it is made on first use, which never
// comes in Vitrine, so the fonts can be left out of the build.

package gui

var defaultStyle *Style

// StyleDefault returns a pointer to the current default style, making it
// on first use.
func StyleDefault() *Style {
	if defaultStyle == nil {
		defaultStyle = NewDarkStyle()
	}
	return defaultStyle
}

// SetStyleDefault sets the default style
func SetStyleDefault(s *Style) {

	defaultStyle = s
}
