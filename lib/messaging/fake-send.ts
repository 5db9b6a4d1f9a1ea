import type { AnswerOf, RequestOf, RequestType, SendMessage } from "./protocol";

/** For tests: the background's answer to each message type a test expects, from the message. */
export type FakeAnswers = { [T in RequestType]?: (request: RequestOf<T>) => AnswerOf<T> | Promise<AnswerOf<T>> };

/**
 * For tests: a typed send that answers from `answers` and tells `seen` each message first (a vi.fn, to
 * assert what was sent). A type with no answer fails as the browser does when nothing answers.
 */
export function fakeSend(answers: FakeAnswers, seen: (request: unknown) => void = () => undefined): SendMessage {
  return async <T extends RequestType>(request: RequestOf<T>): Promise<AnswerOf<T>> => {
    seen(request);
    const answer = answers[request.type];
    if (answer === undefined) throw new Error("Could not establish connection. Receiving end does not exist.");
    return answer(request);
  };
}
