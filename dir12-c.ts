import { withoutCueWords } from './src/directory/intent.js';
console.log(withoutCueWords('园区里哪家能做材料成分分析'));
