export function App() {
  return <div>惠企政策窗口工作台</div>;
}
