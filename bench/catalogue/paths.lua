-- wrk request mix: each thread cycles through the paths listed (one a line) in the file given
-- after "--", starting at a random line so two threads do not march in step.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
