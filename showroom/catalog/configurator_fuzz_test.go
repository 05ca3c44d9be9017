package catalog

import (
	"encoding/json"
	"testing"
)

// FuzzConfigure feeds the engine random share codes and random sequences of
// changes. The engine must never panic, must refuse only with EINVALID, and
// every configuration it accepts must validate again, and keep its price,
// after a share-link round trip (Encode, DecodeConfiguration) and after an
// order round trip (Snapshot, JSON, Configuration).
func FuzzConfigure(f *testing.F) {
	f.Add(uint8(0), "", []byte{})
	f.Add(uint8(0), "cable-tray.cable-tray_monitor-arm.monitor-arm_width.180", []byte{4, 1, 0, 120, 3, 0})
	f.Add(uint8(0), "width.125", []byte{0, 3})
	f.Add(uint8(0), "top.white_frame-colour.grey", []byte{1, 2, 2, 2})
	f.Add(uint8(1), "modules.2_chaise.chaise-left", []byte{0, 0, 5, 1})
	f.Add(uint8(1), "colour.emerald_fabric.velvet", []byte{2, 0, 3, 1, 5, 9})
	f.Add(uint8(1), "modules.-1_", []byte{255, 255, 7})
	f.Add(uint8(1), "chaise.", []byte{}) // once decoded without an error

	fixtures := []*Configurator{testDesk(), testSofa()}
	f.Fuzz(func(t *testing.T, which uint8, code string, ops []byte) {
		cf := fixtures[int(which)%len(fixtures)]
		cfg, err := DecodeConfiguration(cf, code)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("decode %q: want EINVALID, got %v", code, err)
			}
			cfg = cf.Default()
		}
		checkAccepted(t, cf, cfg)

		parts := len(cf.Choices) + len(cf.Dimensions) + len(cf.Quantities)
		for len(ops) >= 2 {
			change := fuzzChange(cf, int(ops[0])%(parts+1), ops[1])
			ops = ops[2:]
			next, notices, err := cf.Apply(cfg, change)
			if err != nil {
				if ErrorCode(err) != EINVALID {
					t.Fatalf("apply %+v to %s: want EINVALID, got %v", change, cfg.Encode(), err)
				}
				if next.Encode() != cfg.Encode() {
					t.Fatalf("apply %+v: a refused change altered the configuration", change)
				}
				continue
			}
			for _, n := range notices {
				if n.Key == "" || n.Message == "" || n.Reason.Key == "" {
					t.Fatalf("apply %+v: notice without key or message: %+v", change, n)
				}
			}
			checkAccepted(t, cf, next)
			cfg = next
		}
		for _, a := range cf.Availability(cfg) {
			_, _, err := cf.Apply(cfg, ConfigChange{Part: a.Choice, Option: a.Option})
			if a.Enabled != (err == nil) || (!a.Enabled && (a.Reason == nil || a.Reason.Message == "")) {
				t.Fatalf("%s: availability of %s/%s is %v but Apply says %v", cfg.Encode(), a.Choice, a.Option, a.Enabled, err)
			}
		}
	})
}

// fuzzChange turns two fuzz bytes into a change: part picks a choice,
// dimension or quantity (or, past the end, an unknown part), and b an
// option (or none, or an unknown one) or a value around the part's range.
func fuzzChange(cf *Configurator, part int, b byte) ConfigChange {
	switch {
	case part < len(cf.Choices):
		ch := cf.Choices[part]
		switch i := int(b) % (len(ch.Options) + 2); {
		case i < len(ch.Options):
			return ConfigChange{Part: ch.ID, Option: ch.Options[i].ID}
		case i == len(ch.Options):
			return ConfigChange{Part: ch.ID}
		default:
			return ConfigChange{Part: ch.ID, Option: "no-such-option"}
		}
	case part < len(cf.Choices)+len(cf.Dimensions):
		d := cf.Dimensions[part-len(cf.Choices)]
		return ConfigChange{Part: d.ID, Value: d.Min - 10 + int(b)}
	case part < len(cf.Choices)+len(cf.Dimensions)+len(cf.Quantities):
		q := cf.Quantities[part-len(cf.Choices)-len(cf.Dimensions)]
		return ConfigChange{Part: q.ID, Value: int(b%10) - 2}
	default:
		return ConfigChange{Part: "no-such-part", Value: int(b)}
	}
}

// checkAccepted fails t unless cfg validates and survives both round trips
// with the same price.
func checkAccepted(t *testing.T, cf *Configurator, cfg Configuration) {
	t.Helper()
	if err := cf.Validate(cfg); err != nil {
		t.Fatalf("accepted configuration %s does not validate: %v", cfg.Encode(), err)
	}
	total, _ := cf.Price(cfg)

	code := cfg.Encode()
	decoded, err := DecodeConfiguration(cf, code)
	if err != nil {
		t.Fatalf("share code %s does not decode: %v", code, err)
	}
	if decoded.Encode() != code {
		t.Fatalf("share code %s decodes to %s", code, decoded.Encode())
	}
	if p, _ := cf.Price(decoded); p != total {
		t.Fatalf("share code %s: price %v, want %v", code, p, total)
	}

	snap, err := cf.Snapshot(cfg)
	if err != nil {
		t.Fatalf("snapshot of %s: %v", code, err)
	}
	b, err := json.Marshal(snap)
	if err != nil {
		t.Fatalf("marshal snapshot of %s: %v", code, err)
	}
	var back ConfigSnapshot
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("unmarshal snapshot of %s: %v", code, err)
	}
	restored := back.Configuration()
	if err := cf.Validate(restored); err != nil {
		t.Fatalf("snapshot of %s does not validate again: %v", code, err)
	}
	if p, _ := cf.Price(restored); p != total || back.Total != total {
		t.Fatalf("snapshot of %s: price %v, recorded %v, want %v", code, p, back.Total, total)
	}
	if restored.Encode() != code {
		t.Fatalf("snapshot of %s restores %s", code, restored.Encode())
	}
}
