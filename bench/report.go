package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Figure is one measured quantity: the value each run gave, summarised as
// the median with the minimum and maximum beside it.
type Figure struct {
	Name   string    `json:"name"`
	Unit   string    `json:"unit"`
	Median float64   `json:"median"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
	Runs   []float64 `json:"runs"`
	// Note says what a reader needs to read the figure right.
	Note string `json:"note,omitempty"`
}

// Section is a group of figures under one heading of the table.
type Section struct {
	Title   string   `json:"title"`
	Figures []Figure `json:"figures"`
}

// Ratio compares one of our medians with a peer's.
type Ratio struct {
	Name  string  `json:"name"`
	Ours  float64 `json:"ours"`
	Peer  float64 `json:"peer"`
	Ratio float64 `json:"ratio"`
	Unit  string  `json:"unit"`
}

// Machine names where the figures were taken.
type Machine struct {
	CPU      string `json:"cpu"`
	CPUs     int    `json:"cpus"`
	Go       string `json:"go"`
	Chromium string `json:"chromium"`
	Node     string `json:"node,omitempty"`
	LoadGen  string `json:"loadGenerator"`
}

// Results is everything one `make bench` measured, as written to
// bench/results.json.
type Results struct {
	Machine  Machine   `json:"machine"`
	Started  time.Time `json:"started"`
	Seconds  float64   `json:"seconds"`
	Runs     int       `json:"runs"`
	APIRuns  int       `json:"apiRuns"`
	Sections []Section `json:"sections"`
	Ratios   []Ratio   `json:"ratios"`
}

// section returns the section titled title, adding it when new.
func (r *Results) section(title string) *Section {
	for i := range r.Sections {
		if r.Sections[i].Title == title {
			return &r.Sections[i]
		}
	}
	r.Sections = append(r.Sections, Section{Title: title})
	return &r.Sections[len(r.Sections)-1]
}

// add records a figure from its runs' values under the section title.
func (r *Results) add(title, name, unit string, runs []float64, note string) Figure {
	f := Figure{Name: name, Unit: unit, Runs: runs, Note: note,
		Median: median(runs), Min: math.NaN(), Max: math.NaN()}
	if len(runs) > 0 {
		f.Min, f.Max = slices.Min(runs), slices.Max(runs)
	}
	s := r.section(title)
	s.Figures = append(s.Figures, f)
	return f
}

// figure finds a recorded figure by section and name.
func (r *Results) figure(title, name string) (Figure, bool) {
	for _, s := range r.Sections {
		if s.Title != title {
			continue
		}
		for _, f := range s.Figures {
			if f.Name == name {
				return f, true
			}
		}
	}
	return Figure{}, false
}

// ratio records ours/peer of two recorded figures' medians, when both are
// there.
func (r *Results) ratio(name string, ours, peer [2]string) {
	o, ok1 := r.figure(ours[0], ours[1])
	p, ok2 := r.figure(peer[0], peer[1])
	if !ok1 || !ok2 || p.Median == 0 || math.IsNaN(o.Median) || math.IsNaN(p.Median) {
		return
	}
	r.Ratios = append(r.Ratios, Ratio{Name: name, Ours: o.Median, Peer: p.Median, Ratio: o.Median / p.Median, Unit: o.Unit})
}

// MarshalJSON writes NaN (a figure no run produced) as null, which JSON
// can carry.
func (f Figure) MarshalJSON() ([]byte, error) {
	type plain struct {
		Name   string    `json:"name"`
		Unit   string    `json:"unit"`
		Median *float64  `json:"median"`
		Min    *float64  `json:"min"`
		Max    *float64  `json:"max"`
		Runs   []float64 `json:"runs"`
		Note   string    `json:"note,omitempty"`
	}
	num := func(x float64) *float64 {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return &x
	}
	return json.Marshal(plain{f.Name, f.Unit, num(f.Median), num(f.Min), num(f.Max), f.Runs, f.Note})
}

// write saves the results as indented JSON.
func (r *Results) write(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// print writes the one table: the machine, then every section's figures,
// then our/peer ratios.
func (r *Results) print(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "\nVitrine benchmarks — %s × %d CPUs, %s, %s, load: %s\n", m.CPU, m.CPUs, m.Go, m.Chromium, m.LoadGen)
	fmt.Fprintf(w, "each figure: median [min … max] of %d runs unless the row says otherwise; total %.0f s\n\n", r.Runs, r.Seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, s := range r.Sections {
		fmt.Fprintf(tw, "%s\t\t\t\t\t\n", strings.ToUpper(s.Title))
		for _, f := range s.Figures {
			note := ""
			if f.Note != "" {
				note = "  " + f.Note
			}
			fmt.Fprintf(tw, "  %s\t%s\t[%s …\t%s]\t%s\t%s\n", f.Name, num(f.Median), num(f.Min), num(f.Max), f.Unit, note)
		}
	}
	if len(r.Ratios) > 0 {
		fmt.Fprintf(tw, "OURS / PEER (medians; above 1 = we are slower or bigger)\t\t\t\t\t\n")
		for _, q := range r.Ratios {
			fmt.Fprintf(tw, "  %s\t%s\t(%s /\t%s)\t%s\t\n", q.Name, fmt.Sprintf("%.2f×", q.Ratio), num(q.Ours), num(q.Peer), q.Unit)
		}
	}
	tw.Flush()
}

// num prints a figure with as many digits as it deserves.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "—"
	case math.Abs(x) >= 1000:
		return fmt.Sprintf("%.0f", x)
	case math.Abs(x) >= 100:
		return fmt.Sprintf("%.1f", x)
	case math.Abs(x) >= 10:
		return fmt.Sprintf("%.2f", x)
	default:
		return fmt.Sprintf("%.3f", x)
	}
}
