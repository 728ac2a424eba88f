// One value per head key, loaded once: the registry state is read when a head first asks for
// it and shared by every request at that head. A failed load is forgotten so the next asks again.

export class PerHeadCache<T> {
  private entry: { key: string; promise: Promise<T> } | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  get(key: string): Promise<T> {
    if (this.entry?.key !== key) {
      const promise = this.load();
      this.entry = { key, promise };
      promise.catch(() => {
        if (this.entry?.promise === promise) this.entry = undefined;
      });
    }
    return this.entry.promise;
  }
}
