import '@testing-library/jest-dom';

// Several tests render the whole built-in matrix in jsdom; on a shared 2-core machine running the
// backend suites beside them that takes longer than jest's default 5 s.
jest.setTimeout(30_000);
