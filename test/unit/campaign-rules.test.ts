import { competitionRanks } from '../../cloudfunctions/campaign/rules/results';

describe('competition ranks', () => {
  it('equal scores share a rank and the next rank skips the shared places', () => {
    expect(competitionRanks([9, 7, 7, 7, 5, 5, 1])).toEqual([1, 2, 2, 2, 5, 5, 7]);
  });

  it('a leading tie and an all-zero list', () => {
    expect(competitionRanks([3, 3, 1])).toEqual([1, 1, 3]);
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });
});
