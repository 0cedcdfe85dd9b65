import { createApp } from 'vue';
import 'tdesign-vue-next/es/style/index.css';
import './theme/tokens.css';
import './theme/base.css';
import App from './App.vue';
import { router } from './router';

createApp(App).use(router).mount('#app');
