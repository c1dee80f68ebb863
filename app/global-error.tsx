"use client";

// Last resort when the root layout itself fails: no providers are available here, so the text is
// given in all three UI languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fi">
      <body style={{ fontFamily: "sans-serif", padding: 24 }}>
        <main>
          <h1>Palvelussa tapahtui virhe</h1>
          <p lang="sv">Ett fel inträffade i tjänsten.</p>
          <p lang="en">Something went wrong in the service.</p>
          <button type="button" onClick={reset}>
            Yritä uudelleen / Försök igen / Try again
          </button>
        </main>
      </body>
    </html>
  );
}
