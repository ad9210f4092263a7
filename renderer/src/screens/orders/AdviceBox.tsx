/** What went wrong with an order and what to do, red while it needs the person. */
export function AdviceBox({ advice, bad }: { advice: { problem: string; next: string }; bad: boolean }) {
  return (
    <div className={`advice ${bad ? 'bad' : ''}`}>
      <p>{advice.problem}</p>
      <p>
        <strong>What to do:</strong> {advice.next}
      </p>
    </div>
  );
}
