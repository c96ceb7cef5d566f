import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | undefined;

/** The shared wink-nlp instance with the English lite model, loaded on first use. */
export function wink(): Wink {
  instance ??= winkNLP(model);
  return instance;
}
