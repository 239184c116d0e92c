#!/usr/bin/env bash
# make-counting-breaths.sh: rebuild the "Counting breaths at a distance" teaching video from scratch.
#
# Needs (Debian/Ubuntu packages): ffmpeg (ffmpeg + ffprobe, with libx264 and drawtext),
# espeak-ng, fonts-dejavu-core. Plus bash, coreutils and awk.
#   sudo apt-get install -y ffmpeg espeak-ng fonts-dejavu-core
#
# Writes, in public/media/ (relative to the repository root):
#   counting-breaths.mp4             H.264 + AAC, 640x360, 5 fps slides, +faststart
#   counting-breaths.vtt             WebVTT captions, one cue per narration clip, timed from the clips
#   counting-breaths.jpg             poster (the title slide)
#   counting-breaths.transcript.md   "Duration: M:SS" line, then the narration as paragraphs
#
# Usage: bash scripts/media/make-counting-breaths.sh
#
# Content: only the facts in the project content brief, §3.1 (WHO IMCI fast-breathing thresholds,
# 60-second count, lower chest indrawing) and §4.2/§4.3 (tele-adaptation, marked on screen and in the
# narration as accepted practice, not a WHO rule). Slides are text and simple shapes only: no people.
# Edit the slide blocks below and rerun; all timings are recomputed from the narration clips.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/public/media"
NAME="counting-breaths"

for cmd in ffmpeg ffprobe espeak-ng awk; do
  command -v "$cmd" >/dev/null || { echo "missing: $cmd (apt-get install -y ffmpeg espeak-ng)" >&2; exit 1; }
done
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONTB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
for f in "$FONT" "$FONTB"; do
  [ -f "$f" ] || { echo "missing font $f (apt-get install -y fonts-dejavu-core)" >&2; exit 1; }
done

# ---- settings -------------------------------------------------------------------------------
W=640; H=360; FPS=5
SR=22050                      # espeak-ng's native rate; all audio is kept as mono s16 at this rate
VOICE=en-gb; RATE=150         # words per minute (espeak-ng default is 175)
LEAD=0.5; GAP=0.45; TAIL=0.8  # seconds of silence: slide start, between clips, slide end (minimum)
NSLIDES=7

BG=0x1E4A58; FG=0xF4F1EA; ACCENT=0xF2C14E; MUTED=0xA9C4CC; PANEL=0x2A5E6E

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

secs() { awk -v s="$1" -v r="$SR" 'BEGIN{printf "%d", s*r + 0.5}'; }    # seconds -> samples
ts() {                                                                   # samples -> 00:MM:SS.mmm
  awk -v n="$1" -v r="$SR" 'BEGIN{ms=int(n*1000/r+0.5); printf "%02d:%02d:%02d.%03d", ms/3600000, (ms/60000)%60, (ms/1000)%60, ms%1000}'
}
silence() { head -c $(( $1 * 2 )) /dev/zero >> "$WORK/audio.raw"; }   # append N samples of silence

# Spoken form: spell out initialisms so espeak-ng reads them letter by letter.
spoken() { sed -e 's/\bWHO IMCI\b/W H O, I M C I/g' -e 's/\bIMCI\b/I M C I/g' -e 's/\bWHO\b/W H O/g' -e 's/\bLHW\b/L H W/g' <<<"$1"; }

# ---- slide builder --------------------------------------------------------------------------
: > "$WORK/audio.raw"; : > "$WORK/captions.vtt"; : > "$WORK/transcript.txt"
POS=0          # running position, in samples
SLIDE=0; NCUE=0; NTXT=0

slide() {       # slide [HEADING]  -- start a new slide; with a heading: heading, accent rule, slide number
  SLIDE=$((SLIDE + 1)); FILTER="[0:v]"; SAMPLES_AT_START=$POS; PARA=""; FIRST_CLIP=1
  if [ -n "${1:-}" ]; then
    txt "$1" 32 "$FG" 36 32 bold
    rule 36 78 568 4 "$ACCENT"
    txt "$SLIDE / $NSLIDES" 16 "$MUTED" "w-tw-36" "h-34"
  fi
}
txt() {         # txt TEXT SIZE COLOR X-EXPR Y-EXPR [bold]   (tw/th = text width/height)
  local f="$FONT"; [ "${6:-}" = bold ] && f="$FONTB"
  NTXT=$((NTXT + 1)); printf '%s' "$1" > "$WORK/t$NTXT.txt"
  local x="${4//tw/text_w}"; local y="${5//th/text_h}"
  FILTER+="drawtext=fontfile=$f:textfile=$WORK/t$NTXT.txt:expansion=none:fontsize=$2:fontcolor=$3:x=$x:y=$y,"
}
centre() { txt "$1" "$2" "$3" "(w-tw)/2" "$4" "${5:-}"; }
rule() { FILTER+="drawbox=x=$1:y=$2:w=$3:h=$4:color=$5:t=fill,"; }        # rule X Y W H COLOR
say() {         # say "caption text"  -- one narration clip = one caption cue
  local caption="$1" raw="$WORK/raw$((NCUE + 1)).wav" wav="$WORK/clip$((NCUE + 1)).wav" n
  espeak-ng -v "$VOICE" -s "$RATE" -w "$raw" "$(spoken "$caption")"
  # drop espeak-ng's trailing silence, so each cue ends when the voice does
  ffmpeg -v error -i "$raw" -af "areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse" \
    -ac 1 -ar "$SR" -c:a pcm_s16le -y "$wav"
  n=$(ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$wav")
  if [ "$FIRST_CLIP" = 1 ]; then silence "$(secs "$LEAD")"; POS=$((POS + $(secs "$LEAD"))); FIRST_CLIP=0
  else silence "$(secs "$GAP")"; POS=$((POS + $(secs "$GAP"))); fi
  ffmpeg -v error -i "$wav" -f s16le -ac 1 -ar "$SR" - >> "$WORK/audio.raw"
  NCUE=$((NCUE + 1))
  printf '%s\n%s --> %s\n%s\n\n' "$NCUE" "$(ts "$POS")" "$(ts $((POS + n)))" "$caption" >> "$WORK/captions.vtt"
  POS=$((POS + n)); PARA+="${PARA:+ }$caption"
}
endslide() {    # pad the slide to a whole number of frames, render its PNG, record its length
  local frame=$((SR / FPS)) len
  len=$((POS - SAMPLES_AT_START + $(secs "$TAIL")))
  len=$(( (len + frame - 1) / frame * frame ))
  silence $((SAMPLES_AT_START + len - POS)); POS=$((SAMPLES_AT_START + len))
  printf '%s' "${FILTER%,}" > "$WORK/s$SLIDE.filter"
  ffmpeg -v error -f lavfi -i "color=c=$BG:s=${W}x${H}:d=1" -filter_complex_script "$WORK/s$SLIDE.filter" \
    -frames:v 1 -y "$WORK/s$SLIDE.png"
  echo "$len" > "$WORK/s$SLIDE.len"
  printf '%s\n\n' "$PARA" >> "$WORK/transcript.txt"
}

# ---- the slides -----------------------------------------------------------------------------
# 1. Title (also the poster)
slide
centre "Counting a child's" 34 "$FG" 96 bold
centre "breathing rate at a distance" 34 "$FG" 140 bold
rule 270 204 100 4 "$ACCENT"
centre "Guided by a Lady Health Worker (LHW)" 22 "$MUTED" 228
centre "over video or audio" 22 "$MUTED" 260
say "Counting a child's breathing rate at a distance."
say "A Lady Health Worker, or LHW, helps you count over video or audio."
endslide

# 2. How to count
slide "How to count"
rule 48 116 14 14 "$ACCENT"; txt "Chest exposed" 28 "$FG" 80 108
rule 48 172 14 14 "$ACCENT"; txt "Child calm" 28 "$FG" 80 164
rule 48 228 14 14 "$ACCENT"; txt "Count for a FULL 60 seconds" 28 "$ACCENT" 80 220 bold
txt "WHO IMCI" 16 "$MUTED" 36 "h-34"
say "Ask the LHW or the caregiver to uncover the child's chest."
say "Wait until the child is calm."
say "Then count the breaths for a full 60 seconds."
endslide

# 3. Thresholds
slide "Fast breathing (WHO IMCI)"
rule 36 100 568 54 "$PANEL"; txt "Under 2 months" 24 "$FG" 54 115; txt "60 or more / min" 26 "$ACCENT" "w-54-tw" 114 bold
rule 36 164 568 54 "$PANEL"; txt "2 to under 12 months" 24 "$FG" 54 179; txt "50 or more / min" 26 "$ACCENT" "w-54-tw" 178 bold
rule 36 228 568 54 "$PANEL"; txt "12 months to 5 years" 24 "$FG" 54 243; txt "40 or more / min" 26 "$ACCENT" "w-54-tw" 242 bold
txt "Counted for a full 60 seconds" 16 "$MUTED" 36 "h-34"
say "The WHO IMCI thresholds for fast breathing:"
say "Under 2 months: 60 a minute or more."
say "From 2 months to under 12 months: 50 or more."
say "From 12 months to 5 years: 40 or more."
endslide

# 4. Chest indrawing
slide "Also look for"
txt "lower chest indrawing" 34 "$ACCENT" 36 120 bold
# a simple phone-on-its-side shape, pointing at the text: camera side-on
rule 36 196 96 56 "$MUTED"; rule 42 202 84 44 "$BG"; rule 112 220 8 8 "$MUTED"
txt "Camera side-on" 28 "$FG" 156 196
txt "to the child's chest" 24 "$MUTED" 156 232
txt "WHO IMCI" 16 "$MUTED" 36 "h-34"
say "Also look for lower chest indrawing."
say "Ask the LHW to place the camera side-on to the chest."
endslide

# 5. Counting on a call (tele-adaptation)
slide "Counting on a call"
rule 48 116 14 14 "$ACCENT"; txt "Phone propped still" 28 "$FG" 80 108
rule 48 172 14 14 "$ACCENT"; txt "Count on LIVE video" 28 "$FG" 80 164
rule 48 228 14 14 "$ACCENT"; txt "or the caregiver or LHW" 28 "$FG" 80 220
txt "counts aloud" 28 "$FG" 80 256
txt "Tele-adaptation: accepted practice, not a WHO rule" 16 "$MUTED" 36 "h-34"
say "These steps are accepted telemedicine practice, not a WHO rule."
say "Ask for the phone to be propped still."
say "Count on live video, or have the caregiver or the LHW count aloud."
endslide

# 6. When the video fails (tele-adaptation)
slide "If the video fails"
txt "Frozen or compressed stream:" 24 "$FG" 36 104
txt "not reliable for counting" 24 "$ACCENT" 36 134 bold
rule 36 176 568 2 "$PANEL"
txt "Switch to audio: the LHW counts" 24 "$FG" 36 192
rule 36 234 568 2 "$PANEL"
txt "Live video fails? Ask for a 30-second clip," 24 "$FG" 36 250
txt "sent store-and-forward" 24 "$FG" 36 280
txt "Tele-adaptation: accepted practice, not a WHO rule" 16 "$MUTED" 36 "h-34"
say "A frozen or compressed stream is not reliable."
say "Switch to audio, and have the LHW count."
say "If live video fails, ask for a 30-second clip, sent store-and-forward."
endslide

# 7. Recap
slide "Remember"
txt "Chest exposed, child calm, full 60 seconds" 22 "$FG" 36 98
txt "Fast breathing, per minute:" 18 "$MUTED" 36 134
for b in "36|under 2 months|60 or more" "230|2 to <12 months|50 or more" "424|12 months-5 years|40 or more"; do
  IFS='|' read -r bx label value <<<"$b"
  rule "$bx" 160 180 62 "$PANEL"
  txt "$label" 17 "$FG" "$bx+(180-tw)/2" 168
  txt "$value" 22 "$ACCENT" "$bx+(180-tw)/2" 192 bold
done
txt "Look for lower chest indrawing" 22 "$FG" 36 238
txt "Poor video: switch to audio, the LHW counts" 22 "$FG" 36 274
say "To recap: chest exposed, child calm, a full 60 seconds."
say "Fast breathing: 60 or more under 2 months,"
say "50 or more from 2 to under 12 months, and 40 or more from 12 months to 5 years."
say "Look for lower chest indrawing."
say "If the video is poor, switch to audio and let the LHW count."
endslide

[ "$SLIDE" = "$NSLIDES" ] || { echo "NSLIDES=$NSLIDES but $SLIDE slides were built" >&2; exit 1; }

# ---- assemble the video ---------------------------------------------------------------------
inputs=(); chain=""
for i in $(seq 1 "$SLIDE"); do
  d=$(awk -v n="$(cat "$WORK/s$i.len")" -v r="$SR" 'BEGIN{printf "%.3f", n/r}')
  inputs+=(-loop 1 -framerate "$FPS" -t "$d" -i "$WORK/s$i.png")
  chain+="[$((i - 1)):v]"
done
ffmpeg -v error -y "${inputs[@]}" -f s16le -ar "$SR" -ac 1 -i "$WORK/audio.raw" \
  -filter_complex "${chain}concat=n=$SLIDE:v=1:a=0,format=yuv420p[v]" \
  -map "[v]" -map "$SLIDE:a" \
  -c:v libx264 -preset veryslow -tune stillimage -profile:v main -crf 28 -r "$FPS" -g $((FPS * 10)) \
  -c:a aac -b:a 48k -ac 1 -ar "$SR" \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  -movflags +faststart -shortest "$OUT/$NAME.mp4"

# poster: the title slide
ffmpeg -v error -y -i "$WORK/s1.png" -q:v 7 "$OUT/$NAME.jpg"

# captions
{ printf 'WEBVTT\n\n'; cat "$WORK/captions.vtt"; } | sed -e '${/^$/d}' > "$OUT/$NAME.vtt"

# transcript, with the real duration of the finished file
dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$NAME.mp4")
mmss=$(awk -v d="$dur" 'BEGIN{s=int(d+0.5); printf "%d:%02d", s/60, s%60}')
{ printf 'Duration: %s\n\n' "$mmss"; sed -e '${/^$/d}' "$WORK/transcript.txt"; } > "$OUT/$NAME.transcript.md"

echo "Built $NAME ($mmss, $NCUE cues):"
ls -l "$OUT/$NAME".*
