/**
 * The rects hand-routed edges must keep clear of (icons, their labels, earlier routes), stored as
 * columns of numbers so a route's search for a free channel is a tight scan.
 */
import type { Rect } from './refine.js';

/** Rects in the order they were added, each as its four edges. */
export class Obstacles {
  private left = new Float64Array(256);
  private right = new Float64Array(256);
  private top = new Float64Array(256);
  private bottom = new Float64Array(256);
  private count = 0;
  private live = new Int32Array(256);

  /** Adds a rect (its current coordinates: later changes to the object are not seen). */
  add(r: Rect): void {
    if (this.count === this.left.length) {
      const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
      this.left = grow(this.left);
      this.right = grow(this.right);
      this.top = grow(this.top);
      this.bottom = grow(this.bottom);
      this.live = new Int32Array(this.left.length);
    }
    const i = this.count++;
    this.left[i] = r.x;
    this.right[i] = r.x + r.width;
    this.top[i] = r.y;
    this.bottom[i] = r.y + r.height;
  }

  /**
   * Where a channel running across the sweep axis (`x`: a vertical channel swept rightwards, `y`: a
   * horizontal one swept downwards) first fits, from `start` on. Only rects overlapping the band
   * (`from`–`to` across the sweep) count; wherever one reaches within `margin` of the channel (or of
   * the label's `extent` past it), the channel moves to that rect's far side plus `gap`.
   *
   * Rects are visited in the order they were added, pass after pass until a pass moves nothing:
   * the channel found is exactly the one that plain scan over every rect finds (which rect moves it
   * first matters). Since the channel only moves forward, the rects in the band and not wholly
   * behind the start are picked out once, and each pass drops those the channel has since passed.
   */
  firstFreeChannel(axis: 'x' | 'y', from: number, to: number, start: number, margin: number, extent: number, gap: number): number {
    const [near, far, bandStart, bandEnd] = axis === 'x' ? [this.left, this.right, this.top, this.bottom] : [this.top, this.bottom, this.left, this.right];
    const live = this.live;
    let at = start;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      if (far[i]! > at - margin && bandStart[i]! < to && bandEnd[i]! > from) live[n++] = i;
    }
    for (let moved = true; moved;) {
      moved = false;
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const i = live[k]!;
        if (!(far[i]! > at - margin)) continue; // passed: it can never stop the channel again
        live[kept++] = i;
        if (near[i]! < at + margin + extent) {
          at = Math.round(far[i]! + gap);
          moved = true;
        }
      }
      n = kept;
    }
    return at;
  }
}
