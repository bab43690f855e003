import { describe, expect, it } from 'vitest';
import { columnRange, renderedColumns } from './column-window';

describe('renderedColumns', () => {
  it('puts the pinned first column before the columns of the window', () => {
    expect(renderedColumns({ first: 1, last: 4, spacer: 0 })).toEqual([0, 1, 2, 3, 4]);
  });

  it('skips the columns scrolled past sideways, which the spacer stands for', () => {
    expect(renderedColumns({ first: 12, last: 15, spacer: 1800 })).toEqual([0, 12, 13, 14, 15]);
    expect(columnRange({ first: 12, last: 15, spacer: 1800 })).toEqual([12, 13, 14, 15]);
  });

  it('is the pinned column alone when the table has one column', () => {
    expect(renderedColumns({ first: 1, last: 0, spacer: 0 })).toEqual([0]);
  });
});
