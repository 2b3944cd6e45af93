// parley-loadtest: a stand-in for `lk load-test` where the LiveKit CLI cannot be installed.
// It joins one room with simulated publishers (synthetic VP8 video at 30 fps and ~1.5 Mbps,
// a keyframe every 3 s, and optionally Opus-sized audio) and subscribers that receive every
// track, through the LiveKit Go SDK like lk does, then prints one JSON summary on stdout.
// --relay-only sends every participant's media through LiveKit's TURN relay; --subscriber-url
// connects the subscribers through another node of a multi-node cluster.
// The SFU forwards media without decoding it, so random payloads in valid VP8 framing load it
// as real video would; nothing here encodes or decodes, so the tester itself stays cheap.
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"

	lksdk "github.com/livekit/server-sdk-go/v2"
)

const (
	fps            = 30
	videoBitrate   = 1_500_000
	keyframeEvery  = 3 * time.Second
	audioFrameTime = 20 * time.Millisecond
	audioFrameSize = 80 // bytes: ~32 kbit/s of Opus
)

type trackStats struct {
	packets  atomic.Int64
	bytes    atomic.Int64
	expected atomic.Int64 // from RTP sequence numbers
}

type subscriber struct {
	identity string
	mu       sync.Mutex
	tracks   map[string]*trackStats
}

type summary struct {
	Room              string    `json:"room"`
	VideoPublishers   int       `json:"videoPublishers"`
	AudioPublishers   int       `json:"audioPublishers"`
	Subscribers       int       `json:"subscribers"`
	Connected         int       `json:"connected"`
	ConnectFailures   int       `json:"connectFailures"`
	ExpectedTracks    int       `json:"expectedTracksPerSubscriber"`
	MinTracksReceived int       `json:"minTracksReceived"`
	SubscriberMbps    []float64 `json:"subscriberMbps"`
	PacketLossPercent float64   `json:"packetLossPercent"`
	Seconds           float64   `json:"seconds"`
	Errors            []string  `json:"errors"`
}

func main() {
	url := flag.String("url", "ws://127.0.0.1:7880", "LiveKit server URL")
	key := flag.String("api-key", "", "API key")
	secret := flag.String("api-secret", "", "API secret")
	roomName := flag.String("room", "", "room to join (must exist when rooms are not auto-created)")
	videoPublishers := flag.Int("video-publishers", 1, "participants publishing video")
	audioPublishers := flag.Int("audio-publishers", 0, "participants publishing audio (the first ones also publish video)")
	subscribers := flag.Int("subscribers", 1, "participants subscribing to every track")
	duration := flag.Duration("duration", 30*time.Second, "how long to run once everyone has joined")
	perSecond := flag.Float64("num-per-second", 5, "participants joining per second")
	subscriberURL := flag.String("subscriber-url", "", "LiveKit server URL for the subscribers (default: --url); another node of the same cluster")
	relayOnly := flag.Bool("relay-only", false, "use relayed ICE candidates only (TURN), as a browser behind a strict firewall")
	flag.Parse()
	if *subscriberURL == "" {
		subscriberURL = url
	}
	var connectOptions []lksdk.ConnectOption
	if *relayOnly {
		connectOptions = append(connectOptions, lksdk.WithICETransportPolicy(webrtc.ICETransportPolicyRelay))
	}
	if *key == "" || *secret == "" || *roomName == "" {
		fmt.Fprintln(os.Stderr, "--api-key, --api-secret and --room are required")
		os.Exit(2)
	}

	result := summary{Room: *roomName, VideoPublishers: *videoPublishers, AudioPublishers: *audioPublishers, Subscribers: *subscribers, Errors: []string{}}
	var errMu sync.Mutex
	fail := func(format string, args ...any) {
		errMu.Lock()
		defer errMu.Unlock()
		if len(result.Errors) < 20 {
			result.Errors = append(result.Errors, fmt.Sprintf(format, args...))
		}
	}
	pool := make([]byte, 1<<21)
	for i := range pool {
		pool[i] = byte(rand.IntN(256))
	}

	stop := make(chan struct{})
	var rooms []*lksdk.Room
	var writers sync.WaitGroup
	gap := time.Duration(float64(time.Second) / *perSecond)
	publishers := max(*videoPublishers, *audioPublishers)
	for i := 0; i < publishers; i++ {
		info := lksdk.ConnectInfo{APIKey: *key, APISecret: *secret, RoomName: *roomName, ParticipantIdentity: fmt.Sprintf("loadtest-pub-%d", i)}
		room, err := lksdk.ConnectToRoom(*url, info, lksdk.NewRoomCallback(), append(connectOptions, lksdk.WithAutoSubscribe(false))...)
		if err != nil {
			result.ConnectFailures++
			fail("publisher %d: %v", i, err)
			continue
		}
		rooms = append(rooms, room)
		result.Connected++
		if i < *videoPublishers {
			track, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000})
			if err == nil {
				_, err = room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "camera", VideoWidth: 1280, VideoHeight: 720})
			}
			if err != nil {
				fail("publisher %d video: %v", i, err)
			} else {
				writers.Add(1)
				go func() { defer writers.Done(); writeVideo(track, pool, stop) }()
			}
		}
		if i < *audioPublishers {
			track, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2})
			if err == nil {
				_, err = room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "microphone"})
			}
			if err != nil {
				fail("publisher %d audio: %v", i, err)
			} else {
				writers.Add(1)
				go func() { defer writers.Done(); writeAudio(track, pool, stop) }()
			}
		}
		time.Sleep(gap)
	}

	subs := make([]*subscriber, 0, *subscribers)
	for i := 0; i < *subscribers; i++ {
		sub := &subscriber{identity: fmt.Sprintf("loadtest-sub-%d", i), tracks: map[string]*trackStats{}}
		callback := lksdk.NewRoomCallback()
		callback.OnTrackSubscribed = func(track *webrtc.TrackRemote, publication *lksdk.RemoteTrackPublication, rp *lksdk.RemoteParticipant) {
			stats := &trackStats{}
			sub.mu.Lock()
			sub.tracks[publication.SID()] = stats
			sub.mu.Unlock()
			go readTrack(track, stats)
		}
		info := lksdk.ConnectInfo{APIKey: *key, APISecret: *secret, RoomName: *roomName, ParticipantIdentity: sub.identity}
		room, err := lksdk.ConnectToRoom(*subscriberURL, info, callback, append(connectOptions, lksdk.WithAutoSubscribe(true))...)
		if err != nil {
			result.ConnectFailures++
			fail("subscriber %d: %v", i, err)
			continue
		}
		rooms = append(rooms, room)
		result.Connected++
		subs = append(subs, sub)
		time.Sleep(gap)
	}

	fmt.Fprintf(os.Stderr, "parley-loadtest: %d connected, %d failed; running for %s\n", result.Connected, result.ConnectFailures, *duration)
	// Counted from here: everyone has joined and subscriptions have had a moment to settle.
	time.Sleep(2 * time.Second)
	before := snapshot(subs)
	started := time.Now()
	time.Sleep(*duration)
	after := snapshot(subs)
	result.Seconds = time.Since(started).Seconds()
	close(stop)
	writers.Wait()

	result.ExpectedTracks = *videoPublishers + *audioPublishers
	result.MinTracksReceived = -1
	var lost, expected int64
	for i, sub := range subs {
		received := 0
		for sid, end := range after[i] {
			start := before[i][sid]
			if end.packets > start.packets {
				received++
			}
			expected += end.expected - start.expected
			lost += (end.expected - start.expected) - (end.packets - start.packets)
		}
		if result.MinTracksReceived < 0 || received < result.MinTracksReceived {
			result.MinTracksReceived = received
		}
		var bytes int64
		for sid, end := range after[i] {
			bytes += end.bytes - before[i][sid].bytes
		}
		result.SubscriberMbps = append(result.SubscriberMbps, float64(bytes*8)/result.Seconds/1e6)
		if received < result.ExpectedTracks {
			fail("%s received %d of %d tracks", sub.identity, received, result.ExpectedTracks)
		}
	}
	if result.MinTracksReceived < 0 {
		result.MinTracksReceived = 0
	}
	if expected > 0 {
		result.PacketLossPercent = float64(max(lost, 0)) * 100 / float64(expected)
	}
	for _, room := range rooms {
		room.Disconnect()
	}
	_ = json.NewEncoder(os.Stdout).Encode(result)
}

type counts struct{ packets, bytes, expected int64 }

func snapshot(subs []*subscriber) []map[string]counts {
	out := make([]map[string]counts, len(subs))
	for i, sub := range subs {
		out[i] = map[string]counts{}
		sub.mu.Lock()
		for sid, stats := range sub.tracks {
			out[i][sid] = counts{stats.packets.Load(), stats.bytes.Load(), stats.expected.Load()}
		}
		sub.mu.Unlock()
	}
	return out
}

func readTrack(track *webrtc.TrackRemote, stats *trackStats) {
	var first, highest int64 = -1, -1
	var cycles int64
	var last uint16
	for {
		packet, _, err := track.ReadRTP()
		if err != nil {
			return
		}
		stats.packets.Add(1)
		stats.bytes.Add(int64(len(packet.Payload)))
		seq := packet.SequenceNumber
		if first < 0 {
			first, highest, last = int64(seq), int64(seq), seq
		} else {
			if seq < 0x1000 && last > 0xf000 {
				cycles++
			}
			last = seq
			if extended := cycles<<16 | int64(seq); extended > highest {
				highest = extended
			}
		}
		stats.expected.Store(highest - first + 1)
	}
}

// A VP8 frame header (RFC 6386, 9.1) around random bytes: enough for the SFU to tell keyframes.
func vp8Frame(pool []byte, size int, key bool) []byte {
	offset := rand.IntN(len(pool) - size)
	frame := append([]byte(nil), pool[offset:offset+size]...)
	tag := uint32(size-10)<<5 | 1<<4 // first partition size, show_frame
	if !key {
		tag |= 1
	}
	frame[0], frame[1], frame[2] = byte(tag), byte(tag>>8), byte(tag>>16)
	if key {
		frame[3], frame[4], frame[5] = 0x9d, 0x01, 0x2a
		binary.LittleEndian.PutUint16(frame[6:], 1280)
		binary.LittleEndian.PutUint16(frame[8:], 720)
	}
	return frame
}

func writeVideo(track *lksdk.LocalTrack, pool []byte, stop <-chan struct{}) {
	ticker := time.NewTicker(time.Second / fps)
	defer ticker.Stop()
	frameSize := videoBitrate / 8 / fps
	lastKey := time.Time{}
	for {
		select {
		case <-stop:
			return
		case now := <-ticker.C:
			key := now.Sub(lastKey) >= keyframeEvery
			size := frameSize
			if key {
				lastKey = now
				size = frameSize * 4
			}
			_ = track.WriteSample(media.Sample{Data: vp8Frame(pool, size, key), Duration: time.Second / fps}, nil)
		}
	}
}

func writeAudio(track *lksdk.LocalTrack, pool []byte, stop <-chan struct{}) {
	ticker := time.NewTicker(audioFrameTime)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ticker.C:
			offset := rand.IntN(len(pool) - audioFrameSize)
			_ = track.WriteSample(media.Sample{Data: pool[offset : offset+audioFrameSize], Duration: audioFrameTime}, nil)
		}
	}
}
