// A Storage in memory with a quota (in characters, as browsers count it roughly), that can be told to fail.
export class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failWrites = false; // every write throws, as a full or blocked storage does
  quota = Infinity; // characters of keys and values together
  writes = 0;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  used(): number {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  setItem(k: string, v: string) {
    const after =
      this.used() - (this.map.has(k) ? k.length + this.map.get(k)!.length : 0) + k.length + v.length;
    if (this.failWrites || after > this.quota) {
      const err = new Error('The quota has been exceeded.');
      err.name = 'QuotaExceededError';
      throw err;
    }
    this.writes++;
    this.map.set(k, v);
  }
}
