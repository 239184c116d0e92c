// A soft tone at each breath, for counting by ear (a screen-reader user, or anyone who prefers not
// to watch motion). Made by the browser's Web Audio: nothing is downloaded.
export type Breather = { breath: () => void; close: () => void };

export function createBreather(): Breather | null {
  const AudioContextClass = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!AudioContextClass) return null;
  const context = new AudioContextClass();
  return {
    breath() {
      const now = context.currentTime;
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = 260;
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.25, now + 0.08);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.35);
      tone.connect(gain).connect(context.destination);
      tone.start(now);
      tone.stop(now + 0.4);
    },
    close() {
      void context.close();
    },
  };
}
