/** The part of node-wpapi 1.2 (which ships no types) these tests use. */
declare module 'wpapi' {
  interface Paging {
    total: number;
    totalPages: number;
    next?: WPRequest;
    prev?: WPRequest;
  }
  type Collection<T = Record<string, unknown>> = T[] & { _paging?: Paging };
  interface WPRequest {
    get<T = Record<string, unknown>>(): Promise<Collection<T> & T>;
    create<T = Record<string, unknown>>(data: Record<string, unknown>): Promise<T>;
    headers(): Promise<Record<string, string>>;
    id(id: number): WPRequest;
    search(term: string): WPRequest;
    categories(ids: number | number[]): WPRequest;
    tags(ids: number | number[]): WPRequest;
    slug(slug: string): WPRequest;
    perPage(count: number): WPRequest;
    page(page: number): WPRequest;
    param(name: string, value: unknown): WPRequest;
    embed(): WPRequest;
    forPost(id: number): WPRequest;
    toString(): string;
  }
  class WPAPI {
    constructor(options: { endpoint: string; routes?: unknown });
    static discover(url: string): Promise<WPAPI>;
    posts(): WPRequest;
    comments(): WPRequest;
    categories(): WPRequest;
    tags(): WPRequest;
    users(): WPRequest;
    /** Only on an instance bootstrapped from a site's own index (WordPress 5.0+ has /wp/v2/search). */
    search?: () => WPRequest;
  }
  export default WPAPI;
}
