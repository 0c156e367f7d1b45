// Estimates come mostly for the same date (today): a function of a date that is asked again and again
// for that date keeps its last answer.

export function forLastDate<T>(answer: (date: string) => T): (date: string) => T {
  let lastDate: string | undefined;
  let lastAnswer!: T;
  return (date) => {
    if (date !== lastDate) {
      lastAnswer = answer(date);
      lastDate = date;
    }
    return lastAnswer;
  };
}
