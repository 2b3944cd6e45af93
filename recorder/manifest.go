package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// Manifest describes one recording's folder: the tracks written so far and how to line them up.
// It is rewritten whenever a track starts or ends and when the recording stops, so the app can
// compose whatever is on disk even when this process died mid-way.
type Manifest struct {
	ID        string          `json:"id"`
	State     string          `json:"state"` // recording | stopped | failed
	Error     string          `json:"error,omitempty"`
	StartedAt int64           `json:"startedAt"` // Unix milliseconds
	StoppedAt *int64          `json:"stoppedAt,omitempty"`
	Tracks    []*TrackSummary `json:"tracks"`
}

// TrackSummary is one published track as written to one file.
type TrackSummary struct {
	SID       string `json:"sid"`
	Kind      string `json:"kind"` // audio | video
	Source    string `json:"source"`
	Codec     string `json:"codec"`
	File      string `json:"file"`
	Identity  string `json:"identity"`
	Name      string `json:"name"`
	ClockRate uint32 `json:"clockRate"`
	// The first sample's RTP timestamp, and the wall clock (Unix ms) at which it arrived here.
	FirstRTP       uint32 `json:"firstRtp"`
	FirstArrivalMs int64  `json:"firstArrivalMs"`
	// The first RTCP sender report: the publisher's own clock (NTP, as Unix ms) for an RTP
	// timestamp. It lines a person's audio and video up by when they were captured, which
	// arrival times get wrong by up to a frame or two.
	SenderReport *SenderReport `json:"senderReport,omitempty"`
	EndedAtMs    *int64        `json:"endedAtMs,omitempty"`
	Bytes        int64         `json:"bytes"`
	Samples      int64         `json:"samples"`
}

type SenderReport struct {
	NTPMs float64 `json:"ntpMs"`
	RTP   uint32  `json:"rtp"`
}

type manifestFile struct {
	mu       sync.Mutex
	path     string
	manifest Manifest
}

func newManifestFile(dir, id string) *manifestFile {
	return &manifestFile{
		path:     filepath.Join(dir, "manifest.json"),
		manifest: Manifest{ID: id, State: "recording", StartedAt: time.Now().UnixMilli(), Tracks: []*TrackSummary{}},
	}
}

// update changes the manifest under its lock and writes it out (to a temporary file first, so a
// reader never sees half of it, unless the disk is full).
func (m *manifestFile) update(change func(*Manifest)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	change(&m.manifest)
	data, err := json.MarshalIndent(m.manifest, "", "  ")
	if err != nil {
		return err
	}
	temporary := m.path + ".tmp"
	if err := os.WriteFile(temporary, data, 0o640); err != nil {
		_ = os.Remove(temporary)
		if !errors.Is(err, syscall.ENOSPC) {
			return err
		}
		// A full disk has no room for a second copy, but how the recording ended must still be
		// written: overwrite the manifest in place (truncating it frees its blocks first).
		return os.WriteFile(m.path, data, 0o640)
	}
	return os.Rename(temporary, m.path)
}

func (m *manifestFile) snapshot() Manifest {
	m.mu.Lock()
	defer m.mu.Unlock()
	copied := m.manifest
	copied.Tracks = make([]*TrackSummary, len(m.manifest.Tracks))
	for i, track := range m.manifest.Tracks {
		t := *track
		copied.Tracks[i] = &t
	}
	return copied
}
