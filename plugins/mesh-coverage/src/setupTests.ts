import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Several tests render the whole built-in matrix in jsdom; on a shared 2-core machine running the
// backend suites beside them that takes longer than jest's 5 s per test and Testing Library's 1 s
// per findBy/waitFor.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

// recharts' ResponsiveContainer watches its size with a ResizeObserver, which jsdom lacks.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  (globalThis as any).ResizeObserver = NoResizeObserver;
}
