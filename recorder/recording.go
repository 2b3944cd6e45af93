package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/rtcp"
	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media/samplebuilder"
)

// How many packets a sample may wait for the ones missing before it (reordering on the way).
const (
	videoMaxLate = 256
	audioMaxLate = 32
)

// Recording is one meeting being recorded: a hidden, subscribe-only participant in its LiveKit
// room that writes every audio and video track it receives to a file of its own.
type Recording struct {
	ID       string
	dir      string
	manifest *manifestFile
	log      *slog.Logger

	mu       sync.Mutex
	room     *lksdk.Room
	stopping bool
	tracks   sync.WaitGroup
	finished sync.Once
	done     chan struct{}
}

// startRecording joins the room with the token the app minted (hidden, subscribe-only, recorder)
// and records until stopped, or until the room closes or the connection is lost for good.
func startRecording(root, id, url, token string, log *slog.Logger) (*Recording, error) {
	dir := filepath.Join(root, id)
	if err := os.Mkdir(dir, 0o750); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, errRecordingExists
		}
		return nil, err
	}
	r := &Recording{ID: id, dir: dir, manifest: newManifestFile(dir, id), log: log.With("recording", id), done: make(chan struct{})}
	if err := r.manifest.update(func(*Manifest) {}); err != nil {
		return nil, err
	}

	callback := lksdk.NewRoomCallback()
	callback.OnTrackSubscribed = r.onTrackSubscribed
	callback.OnDisconnectedWithReason = r.onDisconnected
	callback.OnParticipantDisconnected = func(*lksdk.RemoteParticipant) { r.leaveWhenAlone() }
	room, err := lksdk.ConnectToRoomWithToken(url, token, callback, lksdk.WithAutoSubscribe(true))
	if err != nil {
		r.finish("failed", "could not join the meeting: "+err.Error())
		return nil, fmt.Errorf("joining the room: %w", err)
	}
	r.mu.Lock()
	r.room = room
	r.mu.Unlock()
	r.log.Info("recording started", "room", room.Name())
	return r, nil
}

// Stop leaves the room, waits for the files to be closed and marks the recording stopped.
func (r *Recording) Stop() { r.finishAs("stopped", "") }

// finishAs leaves the room (unless it is already left), closes every file and writes how the
// recording ended.
func (r *Recording) finishAs(state, message string) {
	r.mu.Lock()
	already := r.stopping
	r.stopping = true
	room := r.room
	r.mu.Unlock()
	if !already && room != nil {
		room.Disconnect()
	}
	closed := make(chan struct{})
	go func() {
		r.tracks.Wait()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		r.log.Warn("tracks still open after leaving the room")
	}
	r.finish(state, message)
}

func (r *Recording) Done() <-chan struct{} { return r.done }

func (r *Recording) Snapshot() Manifest { return r.manifest.snapshot() }

// How long the recorder stays in a room nobody else is in: someone reconnecting comes back as a
// new participant, and the recording should go on. Staying for good would keep LiveKit from
// closing the room (a hidden participant is still a participant).
const aloneGrace = 20 * time.Second

func (r *Recording) leaveWhenAlone() {
	r.mu.Lock()
	room := r.room
	r.mu.Unlock()
	if room == nil || len(room.GetRemoteParticipants()) > 0 {
		return
	}
	time.AfterFunc(aloneGrace, func() {
		if len(room.GetRemoteParticipants()) == 0 {
			r.finishAs("stopped", "everyone left the meeting")
		}
	})
}

// onDisconnected: the server ended the connection (the meeting ended, the recorder was removed,
// or the connection could not be brought back).
func (r *Recording) onDisconnected(reason lksdk.DisconnectionReason) {
	r.mu.Lock()
	stopping := r.stopping
	r.mu.Unlock()
	if stopping {
		return
	}
	go func() {
		switch reason {
		case lksdk.RoomClosed:
			r.finishAs("stopped", "the meeting ended")
		case lksdk.ParticipantRemoved:
			r.finishAs("stopped", "the recorder was removed from the meeting")
		default:
			r.finishAs("failed", fmt.Sprintf("the connection to the meeting was lost (%s)", reason))
		}
	}()
}

func (r *Recording) finish(state, message string) {
	r.finished.Do(func() { r.writeEnd(state, message) })
}

func (r *Recording) writeEnd(state, message string) {
	now := time.Now().UnixMilli()
	if err := r.manifest.update(func(m *Manifest) {
		m.State = state
		m.Error = message
		m.StoppedAt = &now
	}); err != nil {
		r.log.Error("could not write the manifest", "error", err)
	}
	r.log.Info("recording ended", "state", state, "reason", message)
	close(r.done)
}

func (r *Recording) onTrackSubscribed(track *webrtc.TrackRemote, publication *lksdk.RemoteTrackPublication, participant *lksdk.RemoteParticipant) {
	codec := track.Codec()
	summary := &TrackSummary{
		SID:       publication.SID(),
		Kind:      strings.ToLower(track.Kind().String()),
		Source:    strings.ToLower(publication.Source().String()),
		Codec:     codec.MimeType,
		Identity:  participant.Identity(),
		Name:      participant.Name(),
		ClockRate: codec.ClockRate,
	}
	if summary.Kind == "video" {
		// The server starts with the lowest simulcast layer; the recording wants the best one.
		publication.SetVideoDimensions(1920, 1080)
		_ = publication.SetVideoQuality(livekit.VideoQuality_HIGH)
	}
	r.tracks.Add(1)
	go func() {
		defer r.tracks.Done()
		if err := r.recordTrack(track, publication, participant, summary); err != nil {
			r.log.Warn("track not recorded to the end", "track", summary.SID, "identity", summary.Identity, "error", err)
			// A file that cannot be written (a full disk, above all) fails every track soon: end the
			// recording as failed, so the app tells the hosts, rather than stay in the room recording
			// nothing. In a goroutine of its own: it waits for this track's goroutine to end.
			var failed *writeFailure
			if errors.As(err, &failed) {
				go r.finishAs("failed", failed.message())
			}
		}
	}()
}

func ntpToUnixMs(ntp uint64) float64 {
	const secondsFrom1900To1970 = 2208988800
	seconds := float64(ntp>>32) - secondsFrom1900To1970
	fraction := float64(ntp&0xffffffff) / (1 << 32)
	return (seconds + fraction) * 1000
}

func (r *Recording) recordTrack(track *webrtc.TrackRemote, publication *lksdk.RemoteTrackPublication, participant *lksdk.RemoteParticipant, summary *TrackSummary) error {
	var sink interface {
		write(sample []byte, timestamp int64, keyFrameNeeded bool) (bool, error)
		close() error
		size() int64
	}
	var builder *samplebuilder.SampleBuilder
	switch {
	case strings.EqualFold(summary.Codec, webrtc.MimeTypeOpus):
		summary.File = summary.SID + ".ogg"
		file, err := newOggFile(filepath.Join(r.dir, summary.File))
		if err != nil {
			return &writeFailure{file: summary.File, err: err}
		}
		sink = &audioSink{file}
		builder = samplebuilder.New(audioMaxLate, &codecs.OpusPacket{}, summary.ClockRate)
	case summary.Kind == "video":
		summary.File = summary.SID + ".ivf"
		file, err := newIVFFile(filepath.Join(r.dir, summary.File), summary.Codec)
		if err != nil {
			var unsupported *unsupportedCodec
			if errors.As(err, &unsupported) {
				return err
			}
			return &writeFailure{file: summary.File, err: err}
		}
		sink = &videoSink{file: file, vp8: strings.EqualFold(summary.Codec, webrtc.MimeTypeVP8)}
		var depacketizer rtp.Depacketizer = &codecs.VP8Packet{}
		if strings.EqualFold(summary.Codec, webrtc.MimeTypeVP9) {
			depacketizer = &codecs.VP9Packet{}
		} else if strings.EqualFold(summary.Codec, webrtc.MimeTypeAV1) {
			depacketizer = &codecs.AV1Depacketizer{}
		}
		builder = samplebuilder.New(videoMaxLate, depacketizer, summary.ClockRate, samplebuilder.WithMaxTimeDelay(time.Second))
	default:
		return fmt.Errorf("codec %s is not recorded", summary.Codec)
	}

	var senderReportOnce sync.Once
	publication.OnRTCP(func(packet rtcp.Packet) {
		report, ok := packet.(*rtcp.SenderReport)
		if !ok || report.SSRC != uint32(track.SSRC()) {
			return
		}
		senderReportOnce.Do(func() {
			_ = r.manifest.update(func(*Manifest) {
				summary.SenderReport = &SenderReport{NTPMs: ntpToUnixMs(report.NTPTime), RTP: report.RTPTime}
			})
		})
	})
	_ = r.manifest.update(func(m *Manifest) { m.Tracks = append(m.Tracks, summary) })
	r.log.Info("recording a track", "track", summary.SID, "identity", summary.Identity, "codec", summary.Codec)

	var clock timestampUnwrapper
	var first int64
	keyFrameNeeded := true
	var lastKeyFrameRequest time.Time
	samples := int64(0)
	lastUpdate := time.Now()
	var failure error
	for {
		packet, _, err := track.ReadRTP()
		if err != nil {
			break
		}
		builder.Push(packet)
		for sample := builder.Pop(); sample != nil; sample = builder.Pop() {
			timestamp := clock.unwrap(sample.PacketTimestamp)
			if samples == 0 {
				first = timestamp
				arrival := time.Now().UnixMilli()
				_ = r.manifest.update(func(*Manifest) {
					summary.FirstRTP = sample.PacketTimestamp
					summary.FirstArrivalMs = arrival
				})
			}
			if sample.PrevDroppedPackets > 0 && summary.Kind == "video" {
				keyFrameNeeded = true
			}
			written, err := sink.write(sample.Data, timestamp-first, keyFrameNeeded)
			if err != nil {
				failure = &writeFailure{file: summary.File, err: err}
				break
			}
			if written {
				keyFrameNeeded = false
				samples++
			} else if time.Since(lastKeyFrameRequest) > 500*time.Millisecond {
				lastKeyFrameRequest = time.Now()
				participant.WritePLI(track.SSRC())
			}
		}
		if failure != nil {
			break
		}
		if time.Since(lastUpdate) > 5*time.Second {
			lastUpdate = time.Now()
			_ = r.manifest.update(func(*Manifest) { summary.Bytes = sink.size(); summary.Samples = samples })
		}
	}
	closeErr := sink.close()
	ended := time.Now().UnixMilli()
	_ = r.manifest.update(func(*Manifest) {
		summary.Bytes = sink.size()
		summary.Samples = samples
		summary.EndedAtMs = &ended
	})
	return errors.Join(failure, closeErr)
}

type audioSink struct{ file *oggFile }

func (a *audioSink) write(sample []byte, timestamp int64, _ bool) (bool, error) {
	return true, a.file.write(sample, timestamp)
}
func (a *audioSink) close() error { return a.file.close() }
func (a *audioSink) size() int64  { return a.file.counter.bytes }

type videoSink struct {
	file *ivfFile
	vp8  bool
}

// write skips frames until a key frame when one is needed (at the start and after a loss):
// frames that refer to a picture the file lacks would only decode as noise.
func (v *videoSink) write(frame []byte, timestamp int64, keyFrameNeeded bool) (bool, error) {
	if keyFrameNeeded && v.vp8 && (len(frame) == 0 || frame[0]&0x01 != 0) {
		return false, nil
	}
	return true, v.file.writeFrame(frame, timestamp)
}
func (v *videoSink) close() error { return v.file.close() }
func (v *videoSink) size() int64  { return v.file.bytes }
