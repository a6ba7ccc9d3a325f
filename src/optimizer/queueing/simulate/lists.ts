// Ring buffers for the simulator: waiting calls per queue and idle agents per (queue, proficiency level).

/** FIFO of int32 values in a growable ring buffer. */
export class IntRing {
  private buf = new Int32Array(16);
  private mask = 15;
  private head = 0;
  size = 0;

  push(value: number): void {
    if (this.size > this.mask) this.grow();
    this.buf[(this.head + this.size++) & this.mask] = value;
  }

  /** The oldest value (only when size > 0). */
  peek(): number {
    return this.buf[this.head] as number;
  }

  shift(): number {
    const v = this.buf[this.head] as number;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return v;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & this.mask] as number;
    this.buf = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}

/**
 * Idle agents of one queue and proficiency level in the order they became idle (longest idle first).
 * An agent idle for several queues sits in several lists; entries are invalidated lazily by a per-agent
 * stamp that changes whenever the agent goes busy and idle again. Stale entries are dropped at the head, and
 * the list is compacted when it holds far more entries than it has members, so memory stays bounded.
 */
export class IdleList {
  private agents = new Int32Array(16);
  private stamps = new Int32Array(16);
  private mask = 15;
  private head = 0;
  private size = 0;
  /** Agents that can ever appear in this list. */
  members = 0;

  push(agent: number, stamp: number, idleStamp: Int32Array): void {
    if (this.size > this.mask) {
      if (this.size > 2 * this.members + 16) this.compact(idleStamp);
      if (this.size > this.mask) this.grow();
    }
    const i = (this.head + this.size++) & this.mask;
    this.agents[i] = agent;
    this.stamps[i] = stamp;
  }

  /**
   * Removes and returns the longest-idle agent whose entry is still valid (`idleStamp[agent] === stamp`;
   * busy agents have stamp −1), or −1 when none is idle.
   */
  take(idleStamp: Int32Array): number {
    while (this.size > 0) {
      const h = this.head;
      const agent = this.agents[h] as number;
      const stamp = this.stamps[h] as number;
      this.head = (h + 1) & this.mask;
      this.size--;
      if (idleStamp[agent] === stamp) return agent;
    }
    return -1;
  }

  /** The longest-idle valid agent without removing it (stale entries at the head are dropped), or −1. */
  peek(idleStamp: Int32Array): number {
    while (this.size > 0) {
      const h = this.head;
      const agent = this.agents[h] as number;
      if (idleStamp[agent] === (this.stamps[h] as number)) return agent;
      this.head = (h + 1) & this.mask;
      this.size--;
    }
    return -1;
  }

  private compact(idleStamp: Int32Array): void {
    let w = 0;
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & this.mask;
      const agent = this.agents[i] as number;
      const stamp = this.stamps[i] as number;
      if (idleStamp[agent] === stamp) {
        const j = (this.head + w++) & this.mask;
        this.agents[j] = agent;
        this.stamps[j] = stamp;
      }
    }
    this.size = w;
  }

  private grow(): void {
    const cap = this.agents.length * 2;
    const agents = new Int32Array(cap);
    const stamps = new Int32Array(cap);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & this.mask;
      agents[k] = this.agents[i] as number;
      stamps[k] = this.stamps[i] as number;
    }
    this.agents = agents;
    this.stamps = stamps;
    this.mask = cap - 1;
    this.head = 0;
  }
}
