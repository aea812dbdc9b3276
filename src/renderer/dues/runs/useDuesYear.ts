import { useEffect, useState } from 'react';
import { call } from '../../api';

/** The year the run, reminder and strike-off tabs work on, per register, kept while switching tabs. */
const chosen = new Map<string, number>();

export function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2100;
}

/**
 * The dues year of these screens: the one last chosen here, else this calendar year when it has
 * a fee schedule, else the newest year that has one, else this calendar year.
 */
export function useDuesYear(registerPath: string): [number, (year: number) => void] {
  const [year, setYearState] = useState(() => chosen.get(registerPath) ?? new Date().getFullYear());

  useEffect(() => {
    if (chosen.has(registerPath)) return;
    let live = true;
    call('dues.years', {}).then(
      (years) => {
        if (!live || chosen.has(registerPath)) return;
        const now = new Date().getFullYear();
        const withFees = years.filter((y) => y.hasFees).map((y) => y.year);
        const pick = withFees.includes(now) ? now : (withFees[0] ?? now);
        chosen.set(registerPath, pick);
        setYearState(pick);
      },
      () => undefined, // stays on this calendar year
    );
    return () => {
      live = false;
    };
  }, [registerPath]);

  const setYear = (y: number) => {
    if (validYear(y)) chosen.set(registerPath, y);
    setYearState(y);
  };
  return [year, setYear];
}
