# A Rack app for unicorn and puma: GET /slow is a request that is still in flight when the stop
# signal arrives. The marker file tells the test the server has started handling it.
run lambda { |env|
  if env["PATH_INFO"] == "/slow"
    File.write(ENV.fetch("SLOW_MARKER"), "started")
    sleep 1.5
    [200, { "content-type" => "text/plain" }, ["done"]]
  else
    [200, { "content-type" => "text/plain" }, ["ok"]]
  end
}
