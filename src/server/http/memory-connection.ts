import { Duplex } from 'node:stream';

/**
 * One end of a connection inside this process: what one end writes, the other end reads, as the
 * same Buffers, with no kernel socket, copy or 64 KB read in between. Node's HTTP server and
 * client run over it unchanged (they take any Duplex), with the few socket methods they call.
 */
export class MemorySocket extends Duplex {
  #peer: MemorySocket | null = null;
  #timer: NodeJS.Timeout | null = null;

  /** Both ends of a new connection. */
  static pair(): [MemorySocket, MemorySocket] {
    const a = new MemorySocket();
    const b = new MemorySocket();
    a.#peer = b;
    b.#peer = a;
    return [a, b];
  }

  // Nothing to fetch: the peer pushes whatever it writes. Bounded all the same: a writer holds
  // what it writes until then anyway (the sandbox writes a whole page at once).
  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const peer = this.#peer;
    if (!peer) return callback(connectionReset());
    this.#activity();
    peer.#activity();
    peer.push(chunk);
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#peer?.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.setTimeout(0);
    const peer = this.#peer;
    this.#peer = null;
    if (peer) peer.#peer = null;
    // After a clean end the peer still reads what it was sent, as after a TCP FIN; closing
    // without one is a reset, so a body cut off mid-way is never taken as whole.
    if (peer && !peer.destroyed && !this.writableFinished) peer.destroy(connectionReset());
    callback(error);
  }

  /** As net.Socket: 'timeout' after `ms` without reads or writes; 0 turns it off. */
  setTimeout(ms: number, listener?: () => void): this {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = ms > 0 ? setTimeout(() => this.emit('timeout'), ms).unref() : null;
    if (listener) this.once('timeout', listener);
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  #activity(): void {
    this.#timer?.refresh();
  }
}

function connectionReset(): Error {
  return Object.assign(new Error('The other end closed the connection.'), { code: 'ECONNRESET' });
}
