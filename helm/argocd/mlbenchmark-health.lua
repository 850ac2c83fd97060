-- Argo CD health of an MLBenchmark (mlbench.dev/v1alpha1), from the operator's status.
-- Uses only Lua 5.1, the dialect of Argo CD's interpreter.
local hs = {}
local status = obj.status
if status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the mlbench operator to report a status"
  return hs
end
local generation = obj.metadata.generation
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the mlbench operator to observe generation " .. generation
  return hs
end
local ready = nil
local specValid = nil
if status.conditions ~= nil then
  for _, condition in ipairs(status.conditions) do
    if condition.type == "Ready" then
      ready = condition
    elseif condition.type == "SpecValid" then
      specValid = condition
    end
  end
end
if specValid ~= nil and specValid.status == "False" then
  hs.status = "Degraded"
  hs.message = specValid.message or "The spec is invalid"
  return hs
end
if status.phase == "Failed" then
  hs.status = "Degraded"
  hs.message = (ready ~= nil and ready.message) or "The benchmark failed"
  return hs
end
if (ready ~= nil and ready.status == "True") or status.phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = (ready ~= nil and ready.message) or "The benchmark succeeded"
  return hs
end
hs.status = "Progressing"
hs.message = (ready ~= nil and ready.message) or ("Phase " .. (status.phase or "Pending"))
return hs
