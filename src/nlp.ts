import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;

let instance: WinkNLP | null = null;

/** The process-wide wink-nlp instance: loading the model costs ~100 ms and ~56 MB, so it is done once. */
export function nlp(): WinkNLP {
  instance ??= winkNLP(model);
  return instance;
}
